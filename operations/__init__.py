"""The command line of Care Portal, as the single executable and `python -m operations` run it:
serve (the default), migrate, backup and restore."""
