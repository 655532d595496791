"""The agency's own settings: an administrator edits lead times, horizon and cancellation bands."""
