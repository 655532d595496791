"""Running the portal: its health as a reverse proxy or monitoring asks for it."""
