"""After the visit: the client approves or queries it, the case manager answers, approved visits
are billed."""
