"""Pricing: the time band of a visit, the rate of the card, and the same number on every surface."""
