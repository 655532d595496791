"""Cancellation: the notice bands and fees, cancelling a visit or a series, on the page and in a browser."""
