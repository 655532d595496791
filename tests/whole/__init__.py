"""Whole-program checks: the portal started as a newcomer starts it. Slow; `make check-whole` runs them
(CI runs them after `make test`)."""
