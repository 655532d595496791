"""One imported row read cell by cell. Every cell's problem is kept against its row and column, so a
dry run lists them all at once rather than stopping at the first; the person and home-address cells
are read the same way for clients and workers. Pure."""

from collections.abc import Callable, Mapping
from datetime import date

from domain import validation

from . import cells
from .problems import Problem


class RowReader:
    def __init__(self, number: int, row: Mapping[str, str]) -> None:
        self.number = number
        self.row = row
        self.problems: list[Problem] = []

    def cell(self, column: str, read_it: Callable[[str], object]) -> object:
        """The cell's value, or None with its problem kept."""
        try:
            return read_it(self.row.get(column, ""))
        except ValueError as error:
            self.problems.append(Problem(self.number, column, str(error)))
            return None

    def text(self, column: str, label: str, length: int, *, required: bool = True) -> object:
        if required:
            return self.cell(column, lambda v: validation.text(v, label, max_length=length))
        return self.cell(
            column, lambda v: validation.text(v, label, max_length=length, required=False) or None
        )

    def person(self, birth: Callable[[str], date]) -> dict[str, object]:
        """Name, gender and date of birth: the columns every person's row starts with."""
        return {
            "first_name": self.text("first_name", "the first name", 80),
            "last_name": self.text("last_name", "the last name", 80),
            "preferred_name": self.text("preferred_name", "the preferred name", 80, required=False),
            "gender": self.cell("gender", cells.gender),
            "date_of_birth": self.cell("date_of_birth", birth),
        }

    def home(self) -> dict[str, object]:
        """The home address; the postcode is checked against the state when the state is readable."""
        state = self.cell("state", validation.state)
        return {
            "home_street": self.text("street", "the street address", 200),
            "home_suburb": self.text("suburb", "the suburb", 80),
            "home_state": state,
            "home_postcode": self.cell(
                "postcode", lambda v: validation.postcode(cells.postcode_text(v), str(state)) if state else v
            ),
        }
