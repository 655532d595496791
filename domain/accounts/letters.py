"""The letter accounts send: the invitation with its one-time link."""

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from domain.agency.settings import AgencySettings
from domain.language import _
from domain.messaging.letterhead import Letter, Rendered, letter


@dataclass(frozen=True)
class Invitation(Letter):
    """A person's one-time link to choose their password (a new account, or a new link)."""

    name: ClassVar[str] = "invitation"
    person: str
    role: str
    link: str
    expires_at: datetime | None

    def render(self, agency: AgencySettings) -> Rendered:
        return letter(
            agency,
            subject=_("Your Care Portal account at {agency}").format(agency=agency.name),
            greeting=_("Dear {name},").format(name=self.person),
            paragraphs=[
                # the role's name comes in English (ROLE_NAMES in domain.accounts.invitations)
                _("{agency} has made you a Care Portal account ({role}).").format(
                    agency=agency.name, role=_(self.role)
                ),
                _("To choose your password, open this link. It works once, for seven days:"),
                self.link,
                _("If you did not expect this e-mail, please call us on {phone}.").format(phone=agency.phone),
            ],
        )
