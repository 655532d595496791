"""Configuration from the environment; every variable is listed in the README."""

import os
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from storage import db

ROOT = Path(__file__).resolve().parent
FROZEN = bool(getattr(sys, "frozen", False))  # the single executable (PyInstaller), not a checkout

# Every environment variable the portal reads: `care-portal --help` lists them, the README explains.
ENVIRONMENT: tuple[tuple[str, str, str], ...] = (
    ("HOST", "127.0.0.1", "interface to listen on (0.0.0.0 behind a reverse proxy)"),
    ("PORT", "8080", "HTTP port"),
    (
        "DATA_DIR",
        "the user's data folder (a checkout: ./data)",
        "the SQLite database, the storage secret, the first-administrator link",
    ),
    (
        "DATABASE_URL",
        "sqlite:///$DATA_DIR/care-portal.db",
        "the database, e.g. postgresql://user:pass@host/careportal",
    ),
    (
        "STORAGE_SECRET",
        "generated into $DATA_DIR/storage_secret",
        "signs session cookies; the same on every process",
    ),
    ("SEED_DEMO", "1 (the executable: 0)", "seed the demo agency into an empty database"),
    (
        "FIRST_ADMIN_EMAIL",
        "admin@example.com",
        "e-mail of the first administrator, made on an empty database without demo data",
    ),
    ("OPEN_BROWSER", "auto", "open the browser at start: 1, 0, or auto (when there is a screen)"),
    ("RUN_JOBS", "1", "run the scheduled jobs in this process (one leader among processes)"),
    ("LOG_FORMAT", "text", "text, or json: one JSON object a line"),
    ("LOG_LEVEL", "WARNING", "DEBUG, INFO, WARNING, ERROR or CRITICAL"),
    ("NICEGUI_REDIS_URL", "unset", "Redis for shared sessions and change announcements between processes"),
    ("PUBLIC_URL", "http://$HOST:$PORT", "the address people use, for links in e-mails"),
    ("GEOCODER", "unset", "a geopy geocoder name (e.g. nominatim); unset: the shipped suburb table"),
    ("GEOCODER_USER_AGENT", "care-portal", "the user agent the geocoder is called with"),
    ("SMTP_HOST", "the agency's setting", "the SMTP server; unset everywhere: mail is caught locally"),
    ("SMTP_PORT", "the agency's, else 587", "SMTP port; 465 means TLS from the start"),
    ("SMTP_USER", "the agency's setting", "SMTP user name"),
    ("SMTP_PASSWORD", "unset", "SMTP password (only in the environment)"),
    ("SMTP_STARTTLS", "the agency's setting (on)", "upgrade the connection with STARTTLS"),
    ("SMTP_FROM", "the agency's sender", "the sender address"),
    ("MAIL_CATCHER_PORT", "8025", "port of the local mail catcher (no SMTP server set)"),
    ("JOB_LEASE_SECONDS", "30", "how long the scheduler lease lasts"),
    ("JOB_RENEW_SECONDS", "10", "how often each process renews or tries to take the lease"),
    ("OUTBOX_DISPATCH_SECONDS", "5", "how often the outbox is dispatched"),
    ("DB_POOL_SIZE", "10", "database connections each process keeps"),
    ("DB_POOL_OVERFLOW", "20", "more it may open at busy times"),
    ("DB_POOL_TIMEOUT", "10", "seconds a request waits for a connection"),
    ("FREEZE_WORKFORCE", "1", "freeze a large workforce out of the garbage collector's way"),
    ("API_DOCS", "1", "serve the API's documentation at /docs (offline); 0 turns it off"),
    ("SIGN_INS_PER_ADDRESS", "30", "sign-in and token attempts from one address per 15 minutes"),
    ("MEDIA_MAX_MB", "200", "the largest news video, picture or PDF staff may upload, in MB"),
)


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    host: str
    port: int
    storage_secret: str
    seed_demo: bool
    run_jobs: bool
    geocoder: str | None
    geocoder_user_agent: str
    public_url: str
    freeze_workforce: bool
    api_docs: bool = True
    log_format: str = "text"
    log_level: str = "WARNING"
    first_admin_email: str = "admin@example.com"
    db_pool_size: int = 10
    db_pool_overflow: int = 20
    db_pool_timeout: float = 10.0
    sign_ins_per_address: int = 30
    media_max_mb: int = 200  # MEDIA_MAX_MB: the largest marketing video, picture or PDF


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def storage_secret(data_dir: Path) -> str:
    """STORAGE_SECRET, or a random one generated once and kept in the data folder (never in git)."""
    if secret := os.environ.get("STORAGE_SECRET"):
        if len(secret) < 32:
            raise SystemExit("STORAGE_SECRET must be at least 32 characters long")
        return secret
    path = data_dir / "storage_secret"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def public_url() -> str:
    """Where people reach the portal: the links in e-mails start with it."""
    return os.environ.get("PUBLIC_URL") or f"http://{_host()}:{_port()}"


def freeze_workforce() -> bool:
    """FREEZE_WORKFORCE: after a large agency's workforce is loaded into memory, collect garbage once
    and freeze what is alive, so that full collections during searches do not walk it (adapters/
    collector.py). Measured at 5,000 workers: the staff view's CPU p95 about 130 ms with it, 220
    without; on unless set to 0."""
    return _flag("FREEZE_WORKFORCE", True)


def _host() -> str:
    return os.environ.get("HOST") or "127.0.0.1"


def _port() -> int:
    return int(os.environ.get("PORT") or 8080)


def default_data_dir() -> Path:
    """A checkout keeps its data in ./data; the executable in the user's data folder."""
    return platformdirs.user_data_path("care-portal", appauthor=False) if FROZEN else ROOT / "data"


def open_browser() -> bool:
    """OPEN_BROWSER: 1, 0 or auto (the default): open it only where there is a screen to show it."""
    value = (os.environ.get("OPEN_BROWSER") or "auto").strip().lower()
    if value != "auto":
        return _flag("OPEN_BROWSER", False)
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _choice(name: str, default: str, allowed: tuple[str, ...]) -> str:
    value = (os.environ.get(name) or default).strip()
    value = value.upper() if name == "LOG_LEVEL" else value.lower()
    if value not in allowed:
        raise SystemExit(f"{name} must be one of {', '.join(allowed)} (it is {value!r})")
    return value


def load() -> Settings:
    data_dir = Path(os.environ.get("DATA_DIR") or default_data_dir()).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    port, host = _port(), _host()
    return Settings(
        data_dir=data_dir,
        database_url=os.environ.get("DATABASE_URL") or f"sqlite:///{data_dir / 'care-portal.db'}",
        host=host,
        port=port,
        storage_secret=storage_secret(data_dir),
        seed_demo=_flag("SEED_DEMO", True),
        run_jobs=_flag("RUN_JOBS", True),
        geocoder=os.environ.get("GEOCODER") or None,
        geocoder_user_agent=os.environ.get("GEOCODER_USER_AGENT") or "care-portal",
        public_url=public_url(),
        freeze_workforce=freeze_workforce(),
        api_docs=_flag("API_DOCS", True),  # /docs, /redoc and /openapi.json; API_DOCS=0 turns them off
        log_format=_choice("LOG_FORMAT", "text", ("text", "json")),
        log_level=_choice("LOG_LEVEL", "WARNING", ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")),
        first_admin_email=os.environ.get("FIRST_ADMIN_EMAIL") or "admin@example.com",
        db_pool_size=int(os.environ.get("DB_POOL_SIZE") or 10),
        db_pool_overflow=int(os.environ.get("DB_POOL_OVERFLOW") or 20),
        db_pool_timeout=float(os.environ.get("DB_POOL_TIMEOUT") or 10),
        sign_ins_per_address=int(os.environ.get("SIGN_INS_PER_ADDRESS") or 30),
        media_max_mb=int(os.environ.get("MEDIA_MAX_MB") or 200),
    )


def pool(settings: Settings) -> db.Pool:
    return db.Pool(settings.db_pool_size, settings.db_pool_overflow, settings.db_pool_timeout)
