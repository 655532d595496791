"""Alembic environment: runs on the connection that storage.migrate hands it."""

from alembic import context

from storage.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through storage.migrate.upgrade(), which passes a connection")

# render_as_batch lets SQLite alter tables by copying them; PostgreSQL ignores it.
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
