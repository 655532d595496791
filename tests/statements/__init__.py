"""Statements: the arithmetic, periods and wording, the PDF, the monthly job, access, and the page."""
