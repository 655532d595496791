"""The roster department's Day Manager: the day's visits, filters, allocating, live updates."""
