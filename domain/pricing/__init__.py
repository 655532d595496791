"""The price of a visit: its time band, and the one bill rate every surface shows."""
