"""Care Portal: configuration, the route table and start-up."""

import contextlib
import logging
import os

from nicegui import app, ui

import api
import config
import demo
import jobs.startup
from adapters import broadcast, collector, geocoding, logs, media_store, nicegui_tuning, uploads
from api import docs as api_docs
from api import feeds, health
from components import headers, language, session, theme
from domain import clock, events, matching
from domain.accounts import first_admin, passwords, rate_limits
from domain.marketing import uploads as news_uploads
from pages import (
    admin_accounts,
    admin_audit,
    admin_catalogue,
    admin_clients,
    admin_home,
    admin_import,
    admin_mail,
    admin_news,
    admin_outbox,
    admin_over_hours,
    admin_queries,
    admin_rates,
    admin_settings,
    admin_workers,
    book,
    calendar_view,
    day_manager,
    history,
    home,
    login,
    media,
    preferences,
    profile,
    services,
    statements,
    two_factor,
    welcome,
    worker_home,
    worker_messages,
    worker_reviews,
)
from storage import db, migrate

log = logging.getLogger("care_portal")


def routes() -> None:
    ui.page("/")(home.create)
    ui.page("/login")(login.create)
    ui.page("/welcome/{token}")(welcome.create)
    ui.page("/profile")(profile.default)
    ui.page("/clients/{client_id}/profile")(profile.create)
    ui.page("/clients/{client_id}/statements")(statements.create)
    ui.page("/worker")(worker_home.create)
    ui.page("/admin")(admin_home.create)
    ui.page("/clients/{client_id}/calendar")(calendar_view.create)
    ui.page("/clients/{client_id}/history")(history.create)
    ui.page("/clients/{client_id}/services")(services.create)
    ui.page("/clients/{client_id}/preferences")(preferences.create)
    ui.page("/admin/queries")(admin_queries.create)
    ui.page("/admin/settings")(admin_settings.create)
    ui.page("/admin/rates")(admin_rates.create)
    ui.page("/admin/accounts")(admin_accounts.create)
    ui.page("/worker/messages")(worker_messages.create)
    ui.page("/admin/outbox")(admin_outbox.create)
    ui.page("/admin/mail")(admin_mail.create)
    ui.page("/clients/{client_id}/book")(book.create)
    ui.page("/workers/{worker_id}/reviews")(worker_reviews.create)
    ui.page("/admin/day")(day_manager.create)
    ui.page("/account/two-factor")(two_factor.create)
    app.get("/session/begin", include_in_schema=False)(session.begin)
    app.get("/session/end", include_in_schema=False)(session.end)
    ui.page("/admin/audit")(admin_audit.create)
    ui.page("/admin/workers")(admin_workers.listing)
    ui.page("/admin/clients")(admin_clients.listing)
    ui.page("/admin/catalogue")(admin_catalogue.create)
    ui.page("/admin/over-hours")(admin_over_hours.create)
    ui.page("/admin/clients/new")(admin_clients.new)
    ui.page("/admin/clients/{client_id}")(admin_clients.edit)
    ui.page("/admin/workers/new")(admin_workers.new)
    ui.page("/admin/workers/{worker_id}")(admin_workers.edit)
    ui.page("/admin/import")(admin_import.create)
    ui.page("/admin/news")(admin_news.create)
    ui.page("/admin/news/new")(admin_news.new)
    ui.page("/admin/news/{item_id}")(admin_news.edit)
    app.include_router(api.router)  # the worker JSON API, /api/v1, documented at /docs
    app.get("/healthz", include_in_schema=False)(health.healthz)
    app.get("/feeds/{token}.ics", include_in_schema=False)(feeds.feed)  # a phone's calendar, no sign-in
    app.get("/media/clients/{client_id}/photo", include_in_schema=False)(media.client_photo)
    app.get("/media/workers/{worker_id}/photo", include_in_schema=False)(media.worker_photo)
    app.get("/media/workers/{worker_id}/evidence/{competency_id}", include_in_schema=False)(
        media.worker_evidence
    )
    app.get("/media/services/{service_id}/image", include_in_schema=False)(media.service_image)
    app.get("/clients/{client_id}/statements/pdf", include_in_schema=False)(statements.pdf)
    app.get("/media/news/{item_id}/{part}", include_in_schema=False)(media.news_file)
    app.post("/media/news/upload", include_in_schema=False)(media.news_upload)


def start(settings: config.Settings) -> None:
    """Tune the garbage collector (FREEZE_WORKFORCE), migrate (and on an empty database, seed the
    demo agency or make the first administrator's link) before the first request."""
    if settings.freeze_workforce:
        matching.after_large_load(collector.collect_and_freeze)
    migrate.upgrade(db.configure(settings.database_url, config.pool(settings)))
    announce_across_processes(settings)
    media_store.configure(settings.data_dir)  # marketing media live in DATA_DIR/media
    news_uploads.set_media_limit(settings.media_max_mb)
    geocoding.configure(settings.geocoder, user_agent=settings.geocoder_user_agent)
    rate_limits.configure(per_address=settings.sign_ins_per_address)
    if settings.seed_demo:
        if demo.seed_if_empty(now=clock.now(), hash_password=passwords.hash_password):
            log.warning("Seeded the demo agency into %s", settings.database_url)
        print_demo_logins(settings)
    else:
        print_first_admin_link(settings)
    demo.restore_media()  # a demo database started on a data folder without its news files
    if settings.run_jobs:
        jobs.startup.start()  # the scheduler (one leader among processes); the mail catcher in development
    collector.settle_after_start()  # last: what start-up made lives as long as the process


def announce_across_processes(settings: config.Settings) -> None:
    """Several processes (PostgreSQL or Redis): a change announced in one reaches pages open on any."""
    bridge = broadcast.start(
        settings.database_url,
        os.environ.get("NICEGUI_REDIS_URL") or None,
        receive=lambda text: events.deliver(events.from_wire(text)),
    )
    if bridge is None:
        events.bridge(None)
        return

    def send(event: events.Event) -> None:
        for text in events.to_wire(event, bridge.limit):
            bridge.send(text)

    events.bridge(send)


def stop() -> None:
    """Ctrl-C or SIGTERM: the server has stopped taking requests; running jobs finish (the outbox
    claims what it sends, so nothing is lost), the lease is handed over, announcements stop."""
    log.info("stopping: running jobs finish, then the scheduler lease is handed over")
    jobs.startup.stop()
    events.bridge(None)
    broadcast.stop()


def print_demo_logins(settings: config.Settings) -> None:
    lines = [f"Care Portal at {settings.public_url} — demo logins (password: {demo.DEMO_PASSWORD}):"]
    lines += [f"  {entry.role:<22} {entry.email:<24} {entry.who}" for entry in demo.DEMO_LOGINS]
    lines.append("  The administrator sets up two-step sign-in (an authenticator app) at the first sign-in.")
    print("\n".join(lines), flush=True)


FIRST_ADMIN_FILE = "first-administrator-link.txt"


def print_first_admin_link(settings: config.Settings) -> None:
    """Until the first administrator has a password: a fresh one-time link on the console and in
    the data folder (readable by this user only); the file goes once the link is used."""
    path = settings.data_dir / FIRST_ADMIN_FILE
    link = first_admin.first_administrator_link(settings.first_admin_email, settings.public_url)
    if link is None:
        path.unlink(missing_ok=True)
        return
    text = (
        f"Care Portal at {settings.public_url} has no administrator with a password yet.\n"
        f"Open this one-time link to choose the password of {settings.first_admin_email}:\n  {link}\n"
    )
    path.write_text(text)
    path.chmod(0o600)
    print(f"{text}(also written to {path})", flush=True)


def serve(settings: config.Settings, *, show: bool = False) -> None:
    """Serve until Ctrl-C or SIGTERM, then stop cleanly."""
    log_config = logs.configure(settings.log_format, settings.log_level)
    session.configure(secure=session.is_https(settings.public_url))
    nicegui_tuning.install()  # before the first element is built
    theme.install()
    language.install()
    routes()
    api_docs.install(enabled=settings.api_docs)
    app.add_middleware(session.SignInRequired)
    app.add_middleware(uploads.Limits)  # upload bodies counted as they stream in
    headers.install(app, settings.public_url)  # outermost: every response, errors and 413s too
    app.on_startup(lambda: start(settings))
    app.on_shutdown(stop)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C: the server has shut down cleanly by now
        ui.run(
            host=settings.host,
            port=settings.port,
            title="Care Portal",
            language=theme.LANGUAGE,
            storage_secret=settings.storage_secret,
            # NiceGUI's browser-id cookie signs nobody in (components/session.py keeps its own).
            session_middleware_kwargs={"https_only": session.is_https(settings.public_url), "max_age": None},
            show=show,
            reload=False,
            favicon="🏠",
            show_welcome_message=False,
            fastapi_docs=False,  # api.docs serves them, from the portal itself
            # Longer than a reverse proxy's or an app's idle limit (commonly 60 s): the client, not
            # the server, closes an idle connection, so a request never meets one closing under it.
            timeout_keep_alive=65,
            log_config=log_config,
        )
    print("Care Portal stopped.", flush=True)  # after stop(): no job half-run, the lease handed over


if __name__ in {"__main__", "__mp_main__"}:
    serve(config.load())
