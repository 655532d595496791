"""The back office: agency staff keep the agency's own records (workers, clients, the catalogue)."""
