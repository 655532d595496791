"""The rules of Care Portal, and the use cases that apply them. No UI, no SQL text."""
