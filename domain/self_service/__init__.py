"""Self-service after booking (issue 6): the calendar, history and service management, cancelling
with the fee shown first, approving or querying completed work, and the daily billing job."""
