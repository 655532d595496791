"""The letter marketing sends: "There is news from your agency"."""

from dataclasses import dataclass
from typing import ClassVar

from domain.agency.settings import AgencySettings
from domain.language import _
from domain.messaging.letterhead import Letter, Rendered, letter


@dataclass(frozen=True)
class NewsFromAgency(Letter):
    """A client or carer: the agency has published something for them (once per person per item)."""

    name: ClassVar[str] = "news_from_agency"
    person: str
    title: str

    def render(self, agency: AgencySettings) -> Rendered:
        return letter(
            agency,
            subject=_("There is news from {agency}").format(agency=agency.name),
            greeting=_("Dear {name},").format(name=self.person),
            paragraphs=[
                _("There is news from {agency} for you: “{title}”.").format(
                    agency=agency.name, title=self.title
                ),
                _("Sign in to the Care Portal and look at the News beside your profile to see it."),
                _("If you have any questions, please call us on {phone}.").format(phone=agency.phone),
            ],
        )
