"""Reusable parts of the screens, and the frame and theme every screen shares."""
