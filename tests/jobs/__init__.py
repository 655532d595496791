"""The job runner: the scheduler's lease, and real `python -m jobs` processes that dispatch and schedule."""
