"""Security: the audit log, the client record export, refusing other people's ids everywhere."""
