"""One module per screen; each exposes `create()` and is routed in main.py."""
