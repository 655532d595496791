"""A month of visits as a grid: weeks by weekdays, each visit a button coloured by its status and
labelled with its time, service and status in words.

One Quasar table whose cells are data: Vue renders them as text, and the whole month costs the
server one element. A tap on a visit emits "open" with its shift id.
"""

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from nicegui import ui

from domain.language import N_, _
from domain.visits.lines import ShiftLine

from .formatting import clock_time, long_date, month_year

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The columns' headings, translated where shown.
WEEKDAY_LABELS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
DAY_CELL = """
<q-td :props="props" :class="{'other-month': props.value.other, 'today': props.value.today}">
  <p class="day-number" :aria-label="props.value.label">{{ props.value.day }}</p>
  <q-btn v-for="visit in props.value.visits" :key="visit.id" unelevated no-caps
         :class="'shift-chip status-' + visit.status" :label="visit.text"
         @click="() => $parent.$emit('open', visit.id)" />
</q-td>
"""


def create(
    first: date, last: date, today: date, lines: Sequence[ShiftLine], on_open: Callable[[int], Any]
) -> ui.table:
    by_day: dict[date, list[ShiftLine]] = {}
    for line in lines:
        by_day.setdefault(line.starts.date(), []).append(line)
    start = first.toordinal() - first.weekday()
    weeks = (last.toordinal() - start) // 7 + 1
    columns = [
        {"name": name[:3].lower(), "label": _(label), "field": name[:3].lower(), "align": "left"}
        for name, label in zip(WEEKDAYS, WEEKDAY_LABELS, strict=True)
    ]
    rows = [
        {"week": week}
        | {
            column["name"]: _day(date.fromordinal(start + week * 7 + offset), first, today, by_day)
            for offset, column in enumerate(columns)
        }
        for week in range(weeks)
    ]
    table = ui.table(columns=columns, rows=rows, row_key="week").classes("month w-full")
    table.props('flat bordered wrap-cells hide-bottom separator="cell"')
    label = _("Visits in {month}").format(month=month_year(first))
    table.props.update({"table-attrs": {"aria-label": label}})
    table.add_slot("body-cell", DAY_CELL)
    shown = {line.shift_id for line in lines}
    table.on("open", lambda e: on_open(e.args) if e.args in shown else None)
    return table.mark("month-grid")


def _day(day: date, first: date, today: date, by_day: dict[date, list[ShiftLine]]) -> dict:
    return {
        "day": day.day,
        "label": long_date(day),
        "other": day.month != first.month,
        "today": day == today,
        "visits": [
            {
                "id": line.shift_id,
                "status": line.status.value,
                "text": f"{clock_time(line.starts)} {line.service} · {line.label}",
            }
            for line in by_day.get(day, [])
        ],
    }
