"""A package statement on screen: plain words first, then the summary, the chart of budget used and
left (with the same figures as a table), and every line. The words and tables come from
domain.statements.wording, as the PDF's do."""

from nicegui import ui

from domain.language import _, formats
from domain.money import dollars
from domain.statements import periods
from domain.statements.model import PackageStatement
from domain.statements.periods import month_label
from domain.statements.wording import by_month, summary, summary_sentences, tables

from . import data_table
from .text import heading, paragraph

SPENT_COLOUR = "#8d4b00"
LEFT_COLOUR = "#1d4f91"


def create(statement: PackageStatement, pdf_url: str) -> None:
    _plain_words(statement, pdf_url)
    data_table.create(summary(statement))
    _chart(statement)
    for table in tables(statement):
        if table.key != "by_month":  # shown with the chart
            data_table.create(table)


def _plain_words(statement: PackageStatement, pdf_url: str) -> None:
    package = statement.package
    with ui.element("section").classes("card").props('aria-labelledby="statement-heading"'):
        heading(_("Statement for {period}").format(period=periods.label(statement.period))).props(
            'id="statement-heading"'
        )
        paragraph(f"{package.client_name} · {package.label}").classes("text-muted")
        ui.button(
            _("Print / save as PDF"), icon="print", on_click=lambda: ui.download.from_url(pdf_url)
        ).props("outline").classes("q-my-sm").mark("print-statement")
        heading(_("In plain words"), 3)
        with ui.element("div").classes("statement-sentences").mark("sentences"):
            for sentence in summary_sentences(statement):
                paragraph(sentence)


def _chart(statement: PackageStatement) -> None:
    months = statement.by_month
    with ui.element("section").classes("card").props('aria-labelledby="chart-heading"'):
        heading(_("Budget used and left"), 3).props('id="chart-heading"')
        if not months:
            paragraph(_("There is nothing to chart yet."))
            return
        described = _(
            "Bar chart of the budget spent in each month and left at its end, {first} to {last}. "
            "The table below gives the same figures."
        ).format(first=month_label(months[0].month), last=month_label(months[-1].month))
        chart = ui.echart(_chart_options(statement)).classes("statement-chart")
        chart.props.update({"role": "img", "aria-label": described})
        paragraph(_("At the end: {amount} left.").format(amount=dollars(months[-1].left))).classes(
            "text-muted"
        )
    data_table.create(by_month(statement))


def _chart_options(statement: PackageStatement) -> dict:
    months = statement.by_month
    spent, left = _("Spent in the month"), _("Left at the end")
    return {
        "animation": False,
        "color": [SPENT_COLOUR, LEFT_COLOUR],
        "textStyle": {"fontSize": 14},
        "tooltip": {"trigger": "axis"},
        "legend": {
            "top": 0,
            "left": "center",
            "data": [spent, left],
            "textStyle": {"fontSize": 14},
        },
        "grid": {"top": 48, "left": 12, "right": 12, "bottom": 8, "containLabel": True},
        "xAxis": {"type": "category", "data": [formats.short_month(m.month) for m in months]},
        "yAxis": {"type": "value", "axisLabel": {"formatter": "${value}"}},
        "series": [
            {"name": spent, "type": "bar", "data": [m.spent / 100 for m in months]},
            {"name": left, "type": "bar", "data": [m.left / 100 for m in months]},
        ],
    }
