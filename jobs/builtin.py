"""The portal's scheduled jobs: outbox dispatch, offer expiry, reminders before shifts, billing of
approved shifts and the monthly statements. Each is safe to run twice; see jobs.registry."""

import logging
from collections.abc import Callable
from datetime import timedelta

from domain.agency import mail_settings
from domain.agency.mail_settings import agency_mail_settings
from domain.booking import expiry, series
from domain.errors import NotFound
from domain.marketing import notices as news_notices
from domain.messaging import delivery, reminders
from domain.signoff import billing
from domain.statements import monthly
from jobs import mailer, registry

log = logging.getLogger(__name__)

_catcher_server: mailer.MailServer | None = None
_stop_catcher: Callable[[], None] | None = None


def catch_mail_with(server: mailer.MailServer | None, stop: Callable[[], None] | None = None) -> None:
    """Development mode: send to the local catcher when no SMTP server is configured; `stop` stops
    the catcher once one is."""
    global _catcher_server, _stop_catcher
    _catcher_server, _stop_catcher = server, stop


def current_mailer() -> delivery.Mailer | None:
    """Read each run, so a change to the agency's SMTP settings applies without a restart. The mail
    catcher never runs alongside a configured SMTP server: once one is set, the catcher stops and
    forgets what it caught."""
    try:
        configured = mailer.configured_server(agency_mail_settings())
    except NotFound:  # no agency set up yet: nothing can have been queued
        return None
    if configured is not None and _catcher_server is not None:
        log.warning("An SMTP server is configured now: the mail catcher stops")
        stop = _stop_catcher
        catch_mail_with(None)
        if stop is not None:
            stop()
    server = configured or _catcher_server
    return mailer.mailer(server, on_greeting=mail_settings.record_smtputf8) if server is not None else None


def dispatch_outbox(holder: str) -> delivery.DispatchReport:
    report = delivery.dispatch(current_mailer(), holder=holder)
    if report.sent or report.app_delivered or report.retrying or report.failed:
        log.info("outbox: %s", report)
    return report


def install(*, holder: str, dispatch_every: timedelta) -> None:
    registry.register("outbox_dispatch", lambda: dispatch_outbox(holder), every=dispatch_every)
    registry.register("offer_expiry", expiry.expire_due, every=timedelta(minutes=1))
    registry.register("shift_reminders", reminders.send_due, every=timedelta(minutes=5))
    # Approved visits are billed at least daily; hourly keeps statements current without cost.
    registry.register("billing", billing.bill_approved_shifts, every=timedelta(hours=1))
    # Cheap when there is nothing to do: the month's statements are made once, after month end.
    registry.register("monthly_statements", monthly.generate_monthly, every=timedelta(hours=1))
    # The rolling horizon moves a day at a time; hourly catches up soon after a restart.
    registry.register("series_shifts", series.extend_series, every=timedelta(hours=1))
    # An item's e-mail goes out within minutes of its window opening; once per person per item.
    registry.register("news_notices", news_notices.send_due, every=timedelta(minutes=5))
