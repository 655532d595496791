"""Starting and stopping the jobs in an app process (main.py, when RUN_JOBS is on) or on their own
(`python -m jobs run`)."""

import logging
import os

from aiosmtpd.controller import Controller

from domain.agency.mail_settings import agency_mail_settings
from domain.errors import NotFound
from jobs import builtin, catcher, mailer, registry
from jobs.scheduler import JobSettings, Scheduler
from storage import caught_mail

log = logging.getLogger(__name__)

_running: tuple[Scheduler, Controller | None] | None = None


def start(*, catch_mail: bool = True) -> Scheduler:
    """Start the scheduler; with no SMTP server configured (and `catch_mail`), the mail catcher too."""
    global _running
    settings = JobSettings.from_env()
    controller = start_catcher() if catch_mail else None
    builtin.install(holder=settings.holder, dispatch_every=settings.dispatch_every)
    scheduler = Scheduler(settings, registry.registered())
    scheduler.start()
    _running = (scheduler, controller)
    return scheduler


def start_catcher() -> Controller | None:
    """The mail catcher, unless an SMTP server is configured (then it never runs)."""
    try:
        agency = agency_mail_settings()
    except NotFound:
        log.warning("No agency set up yet: the mail catcher is not started")
        return None
    if mailer.configured_server(agency) is not None:
        return None
    controller, server = catcher.start(int(os.environ.get("MAIL_CATCHER_PORT") or 8025), agency.agency_name)
    builtin.catch_mail_with(server, stop=lambda: stop_catcher(controller))
    return controller


def stop_catcher(controller: Controller) -> None:
    """Stop catching and forget what was caught (it may hold one-time links)."""
    if caught_mail.is_catching():
        catcher.stop(controller)
    caught_mail.forget()


def stop() -> None:
    global _running
    if _running is None:
        return
    scheduler, controller = _running
    _running = None
    scheduler.stop()
    if controller is not None:
        builtin.catch_mail_with(None)
        stop_catcher(controller)
