"""Storage: the schema from the migrations, safe concurrent use, and the demo agency's data."""
