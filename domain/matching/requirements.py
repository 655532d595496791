"""Effective requirements (DESIGN §3.1 point 1): Global ∪ Program ∪ Client ∪ Client-Service ∪
the client's preferences or this booking's override; mandatory wins over desirable."""

from collections.abc import Iterable
from dataclasses import dataclass

from domain.errors import DomainError
from domain.language import _
from domain.matching.model import Wish


@dataclass(frozen=True)
class Requirements:
    competencies: tuple[int, ...]  # mandatory
    characteristics: tuple[int, ...]  # mandatory
    desirable_competencies: tuple[tuple[int, int], ...]  # (id, weight)
    desirable_characteristics: tuple[tuple[int, int], ...]

    @property
    def desirable_total(self) -> int:
        return sum(w for _, w in self.desirable_competencies) + sum(
            w for _, w in self.desirable_characteristics
        )


def merge(wishes: Iterable[Wish]) -> Requirements:
    """The same item at several levels: mandatory if any says so, else its highest weight."""
    mandatory: dict[tuple[str, int], bool] = {}
    weight: dict[tuple[str, int], int] = {}
    for wish in wishes:
        key = _key(wish)
        mandatory[key] = mandatory.get(key, False) or wish.mandatory
        weight[key] = max(weight.get(key, 0), wish.weight)
    return Requirements(
        competencies=tuple(i for (kind, i), m in mandatory.items() if m and kind == "competency"),
        characteristics=tuple(i for (kind, i), m in mandatory.items() if m and kind == "characteristic"),
        desirable_competencies=tuple(
            (i, weight[(kind, i)]) for (kind, i), m in mandatory.items() if not m and kind == "competency"
        ),
        desirable_characteristics=tuple(
            (i, weight[(kind, i)]) for (kind, i), m in mandatory.items() if not m and kind == "characteristic"
        ),
    )


def _key(wish: Wish) -> tuple[str, int]:
    if wish.competency_id is not None and wish.characteristic_id is None:
        return "competency", wish.competency_id
    if wish.characteristic_id is not None and wish.competency_id is None:
        return "characteristic", wish.characteristic_id
    raise DomainError(_("Each preference names one competency or one characteristic."))
