"""Booking: catalogue, requests, offers and answers, allocation, series, the book page, the worker app."""
