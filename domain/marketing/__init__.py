"""News, videos and documents the agency publishes to its clients, to marketing groups or to everyone."""
