"""A client's visits as the calendar, history and services table show them, and the history's export."""
