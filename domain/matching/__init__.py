"""Find provider (DESIGN §3.1): which support workers may do a shift, best first, and why the rest may not.

from domain import matching
providers = matching.find_providers(shift, session=session)
"""

from domain.matching.model import (
    HeldCompetency,
    LeftOut,
    Match,
    Provider,
    SeriesMatch,
    SeriesProvider,
    ShiftToFill,
    Wish,
)
from domain.matching.search import find_providers, find_providers_with_reasons
from domain.matching.series import find_providers_for_series
from domain.matching.workforce import after_large_load

__all__ = [
    "HeldCompetency",
    "LeftOut",
    "Match",
    "Provider",
    "SeriesMatch",
    "SeriesProvider",
    "ShiftToFill",
    "Wish",
    "after_large_load",
    "find_providers",
    "find_providers_for_series",
    "find_providers_with_reasons",
]
