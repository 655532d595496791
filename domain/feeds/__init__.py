"""Private calendar feeds: a secret, revocable iCalendar address of a client's visits (for the
client, or a carer for each linked client) or of a worker's shifts, for a phone's calendar."""
