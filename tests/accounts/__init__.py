"""Accounts: signing in and its lockout, invitations and the administrator's accounts page."""
