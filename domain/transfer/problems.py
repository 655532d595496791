"""A problem with one cell of an imported file, where the office can find it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    row: int  # as the spreadsheet numbers it: the header is row 1
    column: str
    message: str
