"""Query functions: each takes the session as the keyword-only `session` argument."""

from typing import Any, TypeAlias

from sqlalchemy import Row

# A result row its caller reads by column name (row.service, row.worker_first_name). SQLAlchemy types
# a row's positions, never its names, and only up to ten columns: a wide joined row is typed as a row
# of anything, said once here. Narrow rows are typed in full where they are returned.
NamedRow: TypeAlias = Row[*tuple[Any, ...]]
