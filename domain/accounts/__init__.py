"""Who can sign in and what they may see: sign-in and lockout, invitations, API tokens, access rules."""
