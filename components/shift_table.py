"""A table of shifts that fits a tablet: it scrolls sideways inside its own labelled region (with a
visible hint), never the whole page. Cells are text, never HTML."""

from collections.abc import Callable, Sequence

from nicegui import ui

from domain.self_service.lines import ShiftLine

from .text import Text

Cell = str | Callable[[], None]  # text, or a function that builds the cell's controls


def create(
    caption: str,
    headers: Sequence[str],
    lines: Sequence[ShiftLine],
    cells: Callable[[ShiftLine], Sequence[Cell]],
    *,
    wide: frozenset[str] = frozenset(),
    empty: str = "Nothing to show.",
) -> None:
    if not lines:
        Text(empty, tag="p").classes("text-muted")
        return
    Text("Swipe or scroll sideways to see every column.", tag="p").classes("scroll-hint")
    region = ui.element("div").classes("table-region").props('role="region" tabindex="0"')
    region.props.update({"aria-label": caption})
    with region, ui.element("table").classes("shift-table"):
        Text(caption, tag="caption").classes("sr-only")
        with ui.element("thead"), ui.element("tr"):
            for header in headers:
                Text(header, tag="th").props('scope="col"')
        with ui.element("tbody"):
            for line in lines:
                _row(headers, cells(line), wide)


def _row(headers: Sequence[str], values: Sequence[Cell], wide: frozenset[str]) -> None:
    with ui.element("tr"):
        for header, value in zip(headers, values, strict=True):
            if callable(value):
                with ui.element("td"):
                    value()
            else:
                Text(value, tag="td").classes("wide" if header in wide else "")
