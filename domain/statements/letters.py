"""The letter statements send: a month's statement is ready."""

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from domain.agency.settings import AgencySettings
from domain.language import _, formats
from domain.messaging.letterhead import Letter, Rendered, paragraphs_html


@dataclass(frozen=True)
class StatementReady(Letter):
    """The client and their carers: the statement of a month is ready to read."""

    name: ClassVar[str] = "statement_ready"
    client_name: str
    package: str
    # the figures, worded when the letter is rendered: in each reader's own language
    month: date  # its first day
    closing_cents: int
    contributions_cents: int

    def render(self, agency: AgencySettings) -> Rendered:
        month = formats.month_year(self.month)
        lines = (
            _("Hello,"),
            _("The statement for {client} for {month} is ready ({package}).").format(
                client=self.client_name, month=month, package=self.package
            ),
            _(
                "Funds remaining at the end of the month: {closing}. "
                "Contributions in the month: {contributions}."
            ).format(
                closing=formats.dollars(self.closing_cents),
                contributions=formats.dollars(self.contributions_cents),
            ),
            _("To read it or print it, sign in to the {agency} portal and choose Statements.").format(
                agency=agency.name
            ),
            _("If anything looks wrong, please call us on {phone}.").format(phone=agency.phone),
            agency.name,
        )
        return Rendered(
            subject=_("Statement for {month} is ready").format(month=month),
            text="\n\n".join(lines),
            html=paragraphs_html(*lines),
        )
