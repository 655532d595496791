"""`care-portal [options] [serve|migrate|backup FILE|restore FILE]`: the single executable's
command line, also `python -m operations` in a checkout.

Options are another way to set the environment variables of config.py (an option wins); `--help`
lists both. Started with no arguments, the executable serves on 127.0.0.1:8080 with its data in
the user's data folder, without demo data: the first start prints the first administrator's
one-time link.
"""

import argparse
import multiprocessing
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import config
from operations import backup
from storage import db, migrate


def parser() -> argparse.ArgumentParser:
    variables = "\n".join(
        f"  {name:<24} {what} (default: {default})" for name, default, what in config.ENVIRONMENT
    )
    found = argparse.ArgumentParser(
        prog="care-portal",
        description="Care Portal: the self-service portal of an aged-care or disability-care agency.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "commands:\n"
            "  serve          serve the portal until Ctrl-C or SIGTERM (the default)\n"
            "  migrate        bring the database's schema up to date, then stop\n"
            "  backup FILE    write the database, the storage secret and the data folder to FILE (.tar.gz)\n"
            "  restore FILE   put a backup back (stop every portal process first), then migrate\n\n"
            f"environment variables (an option above wins over its variable):\n{variables}\n"
        ),
    )
    found.add_argument(
        "command", nargs="?", default="serve", choices=("serve", "migrate", "backup", "restore")
    )
    found.add_argument("file", nargs="?", type=Path, help="the backup archive (backup, restore)")
    found.add_argument(
        "--demo", action="store_true", help="seed the demo agency into an empty database (SEED_DEMO=1)"
    )
    found.add_argument("--data-dir", type=Path, help="the data folder (DATA_DIR)")
    found.add_argument("--database-url", help="the database (DATABASE_URL)")
    found.add_argument("--host", help="interface to listen on (HOST)")
    found.add_argument("--port", type=int, help="HTTP port (PORT)")
    found.add_argument("--admin-email", help="the first administrator's e-mail (FIRST_ADMIN_EMAIL)")
    browser = found.add_mutually_exclusive_group()
    browser.add_argument(
        "--open-browser", action="store_true", help="open the browser at start (OPEN_BROWSER=1)"
    )
    browser.add_argument("--no-browser", action="store_true", help="never open the browser (OPEN_BROWSER=0)")
    found.add_argument(
        "--no-jobs", action="store_true", help="run no scheduled jobs in this process (RUN_JOBS=0)"
    )
    found.add_argument("--log-format", choices=("text", "json"), help="LOG_FORMAT")
    found.add_argument(
        "--log-level", choices=("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"), help="LOG_LEVEL"
    )
    return found


def _environment(args: argparse.Namespace) -> None:
    """Options become the environment config.load() reads."""
    chosen = {
        "DATA_DIR": str(args.data_dir) if args.data_dir else None,
        "DATABASE_URL": args.database_url,
        "HOST": args.host,
        "PORT": str(args.port) if args.port else None,
        "FIRST_ADMIN_EMAIL": args.admin_email,
        "LOG_FORMAT": args.log_format,
        "LOG_LEVEL": args.log_level,
        "SEED_DEMO": "1" if args.demo else None,
        "OPEN_BROWSER": "1" if args.open_browser else "0" if args.no_browser else None,
        "RUN_JOBS": "0" if args.no_jobs else None,
    }
    os.environ.update({name: value for name, value in chosen.items() if value is not None})
    if config.FROZEN:  # the executable: no demo data unless asked for
        os.environ.setdefault("SEED_DEMO", "0")


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()
    args = parser().parse_args(argv)
    if args.command in ("backup", "restore") and args.file is None:
        parser().error(
            f"{args.command} needs the archive's file name, e.g. {args.command} care-portal.tar.gz"
        )
    _environment(args)
    settings = config.load()
    try:
        if args.command == "serve":
            import main as portal  # NiceGUI and the pages: only to serve

            portal.serve(settings, show=config.open_browser())
        elif args.command == "migrate":
            migrate.upgrade(db.configure(settings.database_url, config.pool(settings)))
            print(f"The database is at schema revision {migrate.head()}.")
        elif args.command == "backup":
            made = backup.backup(settings.database_url, settings.data_dir, args.file)
            print(f"Backed up ({made['backend']}, schema revision {made['revision']}) to {args.file}")
        else:
            made = backup.restore(settings.database_url, settings.data_dir, args.file)
            print(
                f"Restored the backup of {made['created_at']} from {args.file}; schema at {migrate.head()}."
            )
    except (migrate.DatabaseNewer, backup.BackupError) as refused:
        print(f"care-portal: {refused}", file=sys.stderr)
        return 2
    return 0
