"""Package statements: the arithmetic (pure), loading from the ledger, reading them on screen and as
a PDF with the access check, and the monthly job.

Call sites read `statements.open_statement(...)`, `statements.statement_pdf(...)`,
`statements.generate_monthly()`.
"""

from domain.statements.model import PackageStatement, Period
from domain.statements.monthly import MonthlyRun, generate_monthly
from domain.statements.reading import (
    MonthChoice,
    PackageChoice,
    StatementDocument,
    StatementRequest,
    StatementView,
    open_statement,
    statement_pdf,
)

__all__ = [
    "MonthChoice",
    "MonthlyRun",
    "PackageChoice",
    "PackageStatement",
    "Period",
    "StatementDocument",
    "StatementRequest",
    "StatementView",
    "generate_monthly",
    "open_statement",
    "statement_pdf",
]
