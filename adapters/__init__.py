"""Talking to the world outside the portal: the geocoder, photo re-encoding, PDF fonts; and the
interpreter's garbage collector, tuned at start-up."""
