"""A letter for tests only, laid out like every real e-mail."""

from dataclasses import dataclass
from typing import ClassVar

from domain.agency.settings import AgencySettings
from domain.messaging.letterhead import Letter, Rendered, letter


@dataclass(frozen=True)
class TestNote(Letter):
    __test__ = False  # not a test class, whatever pytest thinks of the name

    name: ClassVar[str] = "test_note"
    n: int
    person: str

    def render(self, agency: AgencySettings) -> Rendered:
        return letter(
            agency,
            subject=f"Test note {self.n}",
            greeting=f"Dear {self.person},",
            paragraphs=[f"This is note number {self.n}."],
            details=[("Number", str(self.n))],
        )
