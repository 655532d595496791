"""A table of text rows that is a table on a wide screen and a list of cards on a narrow one (below
1024 px: a portrait tablet, a phone, or a desktop at 200 % zoom). Every cell carries its column's
name, shown before it on a card, so every column — the Action column above all — is on screen
without sideways scrolling. On a wide screen a table wider than the page scrolls inside its own
labelled region, which a keyboard can reach (the region, not Quasar's inner div, is what scrolls).

One Quasar table whose rows are data: Vue renders every cell as text (never HTML), and a page
of 50 rows costs one element on the server instead of hundreds. The look is in
assets/static/tables.css."""

from collections.abc import Sequence
from html import escape

from nicegui import ui

from domain.language import _

CELL = '<q-td :props="props" :data-label="props.col.label">{{ props.value }}</q-td>'
ACTION_CELL = '<q-td :props="props" class="action-cell" data-label="{action}">{buttons}</q-td>'


def create(
    caption: str,
    headers: Sequence[str],
    rows: Sequence[dict],
    *,
    actions: str = "",
    classes: str = "",
) -> ui.table:
    """`rows` hold "id" and one value per header under the names c0, c1, …; `actions`, when given,
    is the Vue template of a row's buttons (it sees `props.row`), shown in a last "Action" column."""
    columns = [
        {"name": f"c{index}", "label": header, "field": f"c{index}", "align": "left"}
        for index, header in enumerate(headers)
    ]
    if actions:
        columns.append({"name": "action", "label": _("Action"), "field": "id", "align": "left"})
    region = ui.element("div").classes("card-table-region")
    region.props.update({"role": "region", "tabindex": "0", "aria-label": caption})
    with region:
        table = ui.table(columns=columns, rows=list(rows), row_key="id", title=caption)
        table.classes(f"card-table w-full {classes}".strip())
        table.props('flat bordered wrap-cells separator="cell" hide-bottom')
        table.props.update({"table-attrs": {"aria-label": caption}})
        table.add_slot("body-cell", CELL)
        if actions:
            table.add_slot(
                "body-cell-action", ACTION_CELL.format(buttons=actions, action=escape(_("Action")))
            )
    return table
