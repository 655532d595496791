"""A table of shifts (components/card_table.py): a table on a wide screen, cards on a tablet or
at 200 % zoom, so the Action column is always on screen. The Action column's buttons emit an "act"
event with the shift id and the action; the page decides what happens.
"""

from collections.abc import Callable, Sequence
from typing import Any

from nicegui import ui

from domain.visits.lines import ShiftLine
from domain.vocabulary import ClientAction

from . import card_table
from .text import Text

ACTIONS = """
<div class="row q-gutter-xs items-center">
  <q-btn v-if="props.row.can_cancel" outline no-caps color="negative" icon="event_busy" label="Cancel"
         :aria-label="'Cancel visit ' + props.row.number"
         @click="() => $parent.$emit('act', {id: props.row.id, action: 'cancel'})" />
  <q-btn v-if="props.row.can_approve" unelevated no-caps color="positive" icon="thumb_up" label="Approve"
         :aria-label="'Approve visit ' + props.row.number"
         @click="() => $parent.$emit('act', {id: props.row.id, action: 'approve'})" />
  <q-btn v-if="props.row.can_query" outline no-caps color="primary" icon="help" label="Query"
         :aria-label="'Query visit ' + props.row.number"
         @click="() => $parent.$emit('act', {id: props.row.id, action: 'query'})" />
  <span v-if="props.row.waiting">Waiting for your case manager</span>
  <q-btn flat no-caps color="primary" icon="info" label="Details"
         :aria-label="'Details of visit ' + props.row.number"
         @click="() => $parent.$emit('act', {id: props.row.id, action: 'details'})" />
</div>
"""


def create(
    caption: str,
    headers: Sequence[str],
    lines: Sequence[ShiftLine],
    cells: Callable[[ShiftLine], Sequence[str]],
    *,
    on_action: Callable[[ShiftLine, str], Any] | None = None,
    empty: str = "Nothing to show.",
    may: Callable[[ClientAction], bool] = lambda _: True,
) -> ui.table | None:
    """`may`: whether the person may cancel, approve or query these shifts (a carer's access)."""
    if not lines:
        Text(empty, tag="p").classes("text-muted")
        return None
    names = [f"c{index}" for index in range(len(headers))]
    allowed = {what for what in (ClientAction.CANCEL, ClientAction.APPROVE, ClientAction.QUERY) if may(what)}
    rows = [_row(line, names, cells(line), allowed) for line in lines]
    table = card_table.create(caption, headers, rows, actions=ACTIONS if on_action is not None else "")
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
        **dict(zip(names, values, strict=True)),
    }


def _act(args: Any, by_id: dict[int, ShiftLine], on_action: Callable[[ShiftLine, str], Any]) -> Any:
    """Only a shift this table shows, and only a known action; the domain checks the rest."""
    if not isinstance(args, dict) or args.get("action") not in ("cancel", "approve", "query", "details"):
        return None
    line = by_id.get(args.get("id"))  # type: ignore[arg-type]
    return on_action(line, args["action"]) if line is not None else None
