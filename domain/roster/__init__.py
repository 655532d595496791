"""The roster department's Day Manager: one day's visits and who is on them."""
