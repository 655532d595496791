"""The agency itself: its settings, its calendar and time zone, its mail server, the office overview."""
