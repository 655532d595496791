"""Talking to the world outside the portal: the geocoder, photo re-encoding and the PDF fonts."""
