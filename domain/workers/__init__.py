"""Support workers as clients see them: their reviews."""
