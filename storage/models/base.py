"""Declarative base, constraint naming and the column types every model shares."""

import enum
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import DateTime, Dialect, Enum, MetaData, String, TypeDecorator
from sqlalchemy.orm import DeclarativeBase

# Named constraints let Alembic alter them later, on SQLite (batch mode) as on PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A moment in time, always stored in UTC and always read back as an aware UTC datetime.

    SQLite has no time zone type, so naive values would silently mean "local" somewhere;
    refusing naive datetimes on the way in keeps every stored time unambiguous.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: store aware datetimes only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        str: String(),
        # Enums are stored as their plain string values in a VARCHAR: no PostgreSQL ENUM
        # types to migrate, and the same column on SQLite.
        enum.Enum: Enum(
            enum.Enum,
            native_enum=False,
            length=32,
            validate_strings=True,
            values_callable=lambda members: [member.value for member in members],
        ),
    }
