"""Every e-mail and app message: the outbox, the letterhead, delivery with retries, the inbox, reminders."""
