"""Adapters to the outside world: placing addresses on the map, re-encoding portrait photos."""
