"""Talking to the world outside the portal: the geocoder, portrait images, PDF fonts and the
development mail catcher."""
