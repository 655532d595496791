"""A table of text as real HTML (<table>, <th scope>), so screen readers can read it cell by cell; on a
wide screen it scrolls sideways inside its own focusable region rather than making the whole page
scroll, and below 1024 px each row is a card whose cells name their column (assets/static/tables.css).

The region and its table are one element carrying their markup (every cell escaped here), not one
element per row and cell: a year's statement has hundreds of cells, and each element costs the
server time to build and memory for as long as the page is open."""

from html import escape

from nicegui import ui

from domain.statements.wording import Table

from .text import Text, heading


def create(table: Table, *, level: int = 3) -> None:
    heading_id = f"table-{table.key}"
    with ui.element("section").classes("card").props(f'aria-labelledby="{heading_id}"'):
        heading(table.title, level).props(f'id="{heading_id}"')
        if not table.rows:
            Text(table.empty, tag="p")
            return
        ui.html(markup(table, heading_id), sanitize=False)  # every text in it is escaped


def markup(table: Table, heading_id: str) -> str:
    """The scrolling region and its table, as HTML."""
    return (
        '<div class="table-scroll data-cards" role="region" tabindex="0"'
        f' aria-labelledby="{escape(heading_id)}">'
        f'<table class="data-table">{_head(table)}{_body(table)}</table></div>'
    )


def _head(table: Table) -> str:
    cells = "".join(
        f'<th scope="col"{_num(numeric)}>{escape(title, quote=False)}</th>'
        for title, numeric in zip(table.headings, table.numeric, strict=True)
    )
    return f"<thead><tr>{cells}</tr></thead>"


def _body(table: Table) -> str:
    rows = []
    for row in table.rows:
        first, *rest = row.cells
        cells = "".join(
            f'<td{_num(numeric)} data-label="{escape(title)}">{escape(text, quote=False)}</td>'
            for text, numeric, title in zip(rest, table.numeric[1:], table.headings[1:], strict=True)
        )
        strong = ' class="total"' if row.strong else ""
        rows.append(f'<tr{strong}><th scope="row">{escape(first, quote=False)}</th>{cells}</tr>')
    return f"<tbody>{''.join(rows)}</tbody>"


def _num(numeric: bool) -> str:
    return ' class="num"' if numeric else ""
