"""The client's profile: reading and changing details, addresses and photo, on the page and in a browser."""
