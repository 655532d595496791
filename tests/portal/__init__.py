"""Across the portal: signing in, each role's reach, who may act on whose shifts, odd ids, accessibility."""
