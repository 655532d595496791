"""The agency's own SMTP settings, as kept on its settings row (the password never is: it comes
from the environment, see jobs.mailer)."""

from dataclasses import dataclass

from domain import action
from domain.errors import NotFound
from storage.queries import agency as agency_queries


@dataclass(frozen=True)
class AgencyMailSettings:
    agency_name: str
    agency_email: str
    host: str | None
    port: int | None
    user: str | None
    starttls: bool
    sender: str | None


def agency_mail_settings() -> AgencyMailSettings:
    with action.reading() as act:
        row = agency_queries.get(session=act.session)
        if row is None:
            raise NotFound("The agency has not been set up yet.")
        return AgencyMailSettings(
            row.name,
            row.email,
            row.smtp_host,
            row.smtp_port,
            row.smtp_user,
            row.smtp_starttls,
            row.smtp_sender,
        )


def takes_international_addresses() -> bool | None:
    """Whether the agency's mail server delivers to addresses like margarét@example.com (it offered
    SMTPUTF8 when last asked); None until the dispatcher has asked it."""
    with action.reading() as act:
        row = agency_queries.get(session=act.session)
        return None if row is None else row.smtp_utf8


def record_smtputf8(offered: bool) -> None:
    """What the mail server said when the dispatcher connected; written only when it changes."""
    with action.writing() as act:
        row = agency_queries.get(session=act.session)
        if row is not None and row.smtp_utf8 != offered:
            row.smtp_utf8 = offered
