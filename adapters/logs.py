"""Logging for a running portal: LOG_FORMAT=text (the default, for a person at a console) or json
(one JSON object a line, for a log collector), at LOG_LEVEL (WARNING by default)."""

import json
import logging
import logging.config
import sys
from datetime import UTC, datetime
from typing import Any

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
FORMATS = ("text", "json")
TEXT_FORMAT = "%(asctime)s %(process)d %(name)s %(levelname)s %(message)s"


class JsonFormatter(logging.Formatter):
    """time, level, logger, process, message, and the traceback as one string when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "process": record.process,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure(log_format: str, level: str) -> dict[str, Any]:
    """Set up the root logger; returns the log configuration for the web server (uvicorn), so its
    access and error lines come out in the same format."""
    formatter = "json" if log_format == "json" else "text"
    config: dict[str, Any] = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": f"{__name__}.JsonFormatter"},
            "text": {"format": TEXT_FORMAT},
        },
        "handlers": {
            "out": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": formatter}
        },
        "root": {"handlers": ["out"], "level": level},
        "loggers": {
            "uvicorn": {"level": level, "handlers": [], "propagate": True},
            "uvicorn.error": {"level": level, "handlers": [], "propagate": True},
            "uvicorn.access": {"level": "WARNING", "handlers": [], "propagate": True},
            "apscheduler": {"level": "WARNING", "handlers": [], "propagate": True},
            "alembic": {"level": "WARNING", "handlers": [], "propagate": True},
            "mail.log": {"level": "WARNING", "handlers": [], "propagate": True},
        },
    }
    if not logging.getLogger().handlers:  # under a test runner, its capture stays in charge
        logging.config.dictConfig(config)
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(line_buffering=True)  # a line reaches a log collector when it is written
    return config
