"""Query functions: each takes the session as the keyword-only `session` argument."""
