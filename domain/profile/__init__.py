"""A client's profile: their details, and the contact details they keep up to date themselves."""
