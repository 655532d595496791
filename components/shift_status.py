"""A shift's status shown by colour and by text together, never by colour alone."""

from domain.language import _
from domain.visits.lines import STATUS_LABELS
from domain.vocabulary import ShiftStatus

from .text import Text

CSS = '<link rel="stylesheet" href="/static/self_service.css">'


def badge(status: ShiftStatus) -> Text:
    return Text(_(STATUS_LABELS[status]), tag="span").classes(f"status status-{status.value}")


def chip_class(status: ShiftStatus) -> str:
    """The same colour as the badge, for a whole button in the month grid."""
    return f"shift-chip status-{status.value}"
