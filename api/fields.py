"""Fields every endpoint reads the same way: a record id in a path or a body is a positive
PostgreSQL integer, or the request is refused (422) before anything looks it up."""

from typing import Annotated

from fastapi import Path
from pydantic import Field

from domain.vocabulary import MAX_RECORD_ID

RecordId = Annotated[int, Path(ge=1, le=MAX_RECORD_ID, description="a record's id")]
BodyRecordId = Annotated[int, Field(ge=1, le=MAX_RECORD_ID)]
