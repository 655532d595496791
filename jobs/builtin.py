"""The jobs this package brings: outbox dispatch, offer expiry and reminders before shifts.
Other features register theirs through jobs.registry (the lead wires them in main.py)."""

import logging
from datetime import timedelta

from domain import delivery, offers, reminders
from domain.errors import NotFound
from domain.mail_settings import agency_mail_settings

from . import mailer, registry

log = logging.getLogger(__name__)

_catcher_server: mailer.MailServer | None = None


def catch_mail_with(server: mailer.MailServer | None) -> None:
    """Development mode: send to the local catcher when no SMTP server is configured."""
    global _catcher_server
    _catcher_server = server


def current_mailer() -> delivery.Mailer | None:
    """Read each run, so a change to the agency's SMTP settings applies without a restart."""
    try:
        server = mailer.configured_server(agency_mail_settings()) or _catcher_server
    except NotFound:  # no agency set up yet: nothing can have been queued
        return None
    return mailer.mailer(server) if server is not None else None


def dispatch_outbox(holder: str) -> delivery.DispatchReport:
    report = delivery.dispatch(current_mailer(), holder=holder)
    if report.sent or report.app_delivered or report.retrying or report.failed:
        log.info("outbox: %s", report)
    return report


def install(*, holder: str, dispatch_every: timedelta) -> None:
    registry.register("outbox_dispatch", lambda: dispatch_outbox(holder), every=dispatch_every)
    registry.register("offer_expiry", offers.expire_due, every=timedelta(minutes=1))
    registry.register("shift_reminders", reminders.send_due, every=timedelta(minutes=5))
