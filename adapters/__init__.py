"""Talking to the world outside the portal: the geocoder, portrait images, PDF fonts, the
development mail catcher; and the interpreter's garbage collector, tuned at start-up."""
