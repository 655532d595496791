"""A table of shifts (components/card_table.py): a table on a wide screen, cards on a tablet or
at 200 % zoom, so the Action column is always on screen. The Action column's buttons emit an "act"
event with the shift id and the action; the page decides what happens.
"""

from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from nicegui import ui

from domain.language import _
from domain.visits.lines import ShiftLine
from domain.vocabulary import ClientAction

from . import card_table
from .text import Text

# The Action column's buttons, as a Vue template: their words are filled in, escaped, in the
# reader's language (actions()), and each row carries its own aria-labels (_row).
ACTIONS = """
<div class="row q-gutter-xs items-center">
  <q-btn v-if="props.row.can_cancel" outline no-caps color="negative" icon="event_busy" label="@cancel@"
         :aria-label="props.row.cancel_label"
         @click="() => $parent.$emit('act', {id: props.row.id, action: 'cancel'})" />
  <q-btn v-if="props.row.can_approve" unelevated no-caps color="positive" icon="thumb_up" label="@approve@"
         :aria-label="props.row.approve_label"
         @click="() => $parent.$emit('act', {id: props.row.id, action: 'approve'})" />
  <q-btn v-if="props.row.can_query" outline no-caps color="primary" icon="help" label="@query@"
         :aria-label="props.row.query_label"
         @click="() => $parent.$emit('act', {id: props.row.id, action: 'query'})" />
  <span v-if="props.row.waiting">@waiting@</span>
  <q-btn flat no-caps color="primary" icon="info" label="@details@"
         :aria-label="props.row.details_label"
         @click="() => $parent.$emit('act', {id: props.row.id, action: 'details'})" />
</div>
"""


def actions() -> str:
    """The Action column's template with its words in the reader's language."""
    words = {
        "@cancel@": _("Cancel"),
        "@approve@": _("Approve"),
        "@query@": _("Query"),
        "@waiting@": _("Waiting for your case manager"),
        "@details@": _("Details"),
    }
    template = ACTIONS
    for token, text in words.items():
        template = template.replace(token, escape(text))
    return template


def create(
    caption: str,
    headers: Sequence[str],
    lines: Sequence[ShiftLine],
    cells: Callable[[ShiftLine], Sequence[str]],
    *,
    on_action: Callable[[ShiftLine, str], Any] | None = None,
    empty: str | None = None,
    may: Callable[[ClientAction], bool] = lambda _: True,
) -> ui.table | None:
    """`may`: whether the person may cancel, approve or query these shifts (a carer's access)."""
    if not lines:
        Text(empty or _("Nothing to show."), tag="p").classes("text-muted")
        return None
    names = [f"c{index}" for index in range(len(headers))]
    allowed = {what for what in (ClientAction.CANCEL, ClientAction.APPROVE, ClientAction.QUERY) if may(what)}
    rows = [_row(line, names, cells(line), allowed) for line in lines]
    table = card_table.create(caption, headers, rows, actions=actions() if on_action is not None else "")
    if on_action is not None:
        by_id = {line.shift_id: line for line in lines}
        table.on("act", lambda e: _act(e.args, by_id, on_action))
    return table.mark("shift-table")


def _row(line: ShiftLine, names: Sequence[str], values: Sequence[str], allowed: set[ClientAction]) -> dict:
    return {
        "id": line.shift_id,
        "number": line.number,
        "can_cancel": line.cancellable and ClientAction.CANCEL in allowed,
        "can_approve": line.awaiting_approval and ClientAction.APPROVE in allowed,
        "can_query": line.awaiting_approval and ClientAction.QUERY in allowed,
        "waiting": line.status.value == "queried" and not line.awaiting_approval,
        "cancel_label": _("Cancel visit {number}").format(number=line.number),
        "approve_label": _("Approve visit {number}").format(number=line.number),
        "query_label": _("Query visit {number}").format(number=line.number),
        "details_label": _("Details of visit {number}").format(number=line.number),
        **dict(zip(names, values, strict=True)),
    }


def _act(args: Any, by_id: dict[int, ShiftLine], on_action: Callable[[ShiftLine, str], Any]) -> Any:
    """Only a shift this table shows, and only a known action; the domain checks the rest."""
    if not isinstance(args, dict) or args.get("action") not in ("cancel", "approve", "query", "details"):
        return None
    line = by_id.get(args.get("id"))  # type: ignore[arg-type]
    return on_action(line, args["action"]) if line is not None else None
