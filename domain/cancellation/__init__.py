"""Cancelling a request or a rostered visit: notice bands and fees, and the use case that applies them."""
