"""Helpers every test folder shares: databases, personas, records found by what they are, SMTP, the User."""
