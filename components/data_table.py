"""A table of text as real HTML (<table>, <th scope>), so screen readers can read it cell by cell; on a
wide screen it scrolls sideways inside its own focusable region rather than making the whole page
scroll, and below 1024 px each row is a card whose cells name their column (assets/static/tables.css)."""

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
        region = ui.element("div").classes("table-scroll data-cards")
        region.props(f'role="region" tabindex="0" aria-labelledby="{heading_id}"')
        with region, ui.element("table").classes("data-table"):
            _head(table)
            _body(table)


def _head(table: Table) -> None:
    with ui.element("thead"), ui.element("tr"):
        for title, numeric in zip(table.headings, table.numeric, strict=True):
            Text(title, tag="th").props('scope="col"').classes("num" if numeric else "")


def _body(table: Table) -> None:
    with ui.element("tbody"):
        for row in table.rows:
            with ui.element("tr").classes("total" if row.strong else ""):
                first, *rest = row.cells
                Text(first, tag="th").props('scope="row"')
                for text, numeric, title in zip(rest, table.numeric[1:], table.headings[1:], strict=True):
                    Text(text, tag="td").classes("num" if numeric else "").props.update({"data-label": title})
