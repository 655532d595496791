"""Signing off visits: approving or querying completed visits, the case manager's answer, and billing."""
