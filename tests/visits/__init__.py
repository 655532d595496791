"""A client's visits: the calendar, history and services pages, and the history exported."""
