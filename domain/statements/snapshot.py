"""A statement kept exactly as it was issued: written down when the month's statement is made (and
e-mailed), read back whenever that month is opened again, so what a client re-reads is what she
was sent, whatever has changed since. Pure: plain values to JSON text and back."""

import dataclasses
import json
import types
import typing
from datetime import date
from enum import Enum
from typing import Any

from domain.statements.model import PackageStatement

VERSION = 1  # bump if the statement's shape changes in a way an old snapshot cannot be read as


def to_json(statement: PackageStatement) -> str:
    return json.dumps({"version": VERSION, "statement": _plain(statement)}, separators=(",", ":"))


def from_json(text: str) -> PackageStatement | None:
    """The statement as issued; None for a snapshot of a shape this version cannot read."""
    stored = json.loads(text)
    if stored.get("version") != VERSION:
        return None
    rebuilt = _rebuild(PackageStatement, stored["statement"])
    assert isinstance(rebuilt, PackageStatement)
    return rebuilt


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


def _rebuild(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        [present] = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        return _rebuild(present, value)
    if origin is tuple:
        item = typing.get_args(kind)[0]
        return tuple(_rebuild(item, element) for element in value)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        fields = {f.name: _rebuild(hints[f.name], value[f.name]) for f in dataclasses.fields(kind)}
        return kind(**fields)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if kind is date:
        return date.fromisoformat(value)
    return value
