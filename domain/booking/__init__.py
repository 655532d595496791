"""Booking a service (DESIGN.md §3.1–3.3): the catalogue, the request and its occurrences, the
offer to a nominated worker and its answer, allocation by the roster department, the worker's own
shifts and the rolling horizon of permanent bookings. Import the modules by name:
`from domain.booking import requests` so call sites read `requests.nominate(...)`."""
