"""Package statements: the arithmetic (pure), loading from the ledger, reading them on screen and as
a PDF with the access check, and the monthly job."""
