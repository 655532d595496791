"""Messaging: letters, the outbox and its delivery by e-mail and in the app, reminders, the inbox."""
