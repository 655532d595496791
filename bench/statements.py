"""make bench-statements: render a 12-month statement PDF with 1,000 service lines (target < 500 ms).

The statement is built by the real arithmetic from a generated year of ledger lines (no database:
what is timed is the PDF), then rendered several times. Prints the median and p95 and the data size;
the last line is one JSON object with `lines`, `pages` and `pdf_ms` (the median).
"""

import json
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from domain.statements import arithmetic, pdf, periods
from domain.statements.model import LedgerLine, PackageFacts, PackageStatement, Period
from domain.vocabulary import LedgerKind, ProgramKind, ServiceUnit

SERVICE_LINES = 1_000
RUNS = 15
FIRST, LAST = date(2025, 12, 1), date(2026, 11, 30)
SERVICES = (("Personal care", 7423, 150), ("Domestic assistance", 6890, 200), ("Social support", 6890, 300))
PACKAGE = PackageFacts(
    package_id=1,
    client_id=1,
    client_name="Bích Nguyễn",
    client_number="C00004",
    program="Support at Home",
    program_kind=ProgramKind.SUPPORT_AT_HOME,
    level="Classification 7",
    reference="SAH-00004",
    starts_on=date(2025, 7, 1),
    ends_on=date(2026, 12, 31),
)


def year_of_lines() -> list[LedgerLine]:
    lines = [_service(n) for n in range(SERVICE_LINES)]
    for month in periods.months_between(FIRST, LAST):
        lines.append(LedgerLine(len(lines), month, LedgerKind.FUNDING, 1_717_500, "Quarterly budget"))
        lines.append(LedgerLine(len(lines), month, LedgerKind.CARE_MANAGEMENT, -57_250, "Care management"))
    return lines


def _service(n: int) -> LedgerLine:
    name, rate, units = SERVICES[n % len(SERVICES)]
    price = (units * rate + 50) // 100
    contribution = (price * 17 + 50) // 100
    day = FIRST + timedelta(days=n * 365 // SERVICE_LINES)
    return LedgerLine(
        n, day, LedgerKind.SERVICE, -(price - contribution), name, shift_id=n, units=units,
        unit=ServiceUnit.HOUR, rate=rate, subsidy=price - contribution, contribution=contribution,
    )  # fmt: skip


def statement() -> PackageStatement:
    period = Period(FIRST, LAST, "December 2025 to November 2026")
    lines = year_of_lines()
    by_month = arithmetic.budget_by_month(250_000, [(x.day, x.amount) for x in lines], FIRST, LAST)
    return arithmetic.build(PACKAGE, period, {None: 250_000}, lines, by_month)


def main() -> None:
    chosen = statement()
    letterhead = pdf.Letterhead("Harbourside Community Care", "02 9555 0100", "hello@example.com")
    timings, cpu, pages, size = [], [], 0, 0
    for _ in range(RUNS):
        started, started_cpu = time.perf_counter(), time.process_time()
        doc = pdf.compose(chosen, letterhead)
        content = bytes(doc.output())
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        pages, size = doc.pages_count, len(content)
    median, p95 = statistics.median(timings), statistics.quantiles(timings, n=20)[-1]
    # CPU time too: on a shared 2-core machine the wall clock also measures the neighbours.
    cpu_median = statistics.median(cpu)
    print(f"statement PDF: {len(chosen.services)} service lines, {len(chosen.lines)} ledger lines, 12 months")
    print(f"{RUNS} renders: median {median:.1f} ms, p95 {p95:.1f} ms (CPU median {cpu_median:.1f} ms)")
    print(f"{pages} pages, {size / 1024:.0f} KiB")
    print(json.dumps({"lines": len(chosen.services), "pages": pages, "pdf_ms": round(median, 1),
                      "p95_ms": round(p95, 1), "cpu_ms": round(cpu_median, 1), "runs": RUNS}))  # fmt: skip


if __name__ == "__main__":
    main()
