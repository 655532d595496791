"""Run the jobs without the web app: `python -m jobs run` (the scheduler, until stopped) or
`python -m jobs dispatch` (deliver the outbox once, or until it is empty).

The dispatch options `--ready-signal` and `--pause-after-claim` exist for the tests: they make a
real child process wait at an exact point (no sleeps), where the test starts or kills it.
"""

import argparse
import logging
import signal
import sys
import threading
import time
from datetime import timedelta

import config
from domain.messaging import delivery
from jobs import builtin, leader, startup
from storage import db, migrate


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO,
        stream=sys.stdout,
        format="%(asctime)s %(process)d %(name)s %(levelname)s %(message)s",
    )
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    if args.verbose:
        logging.getLogger("jobs").setLevel(logging.DEBUG)
    settings = config.load()
    migrate.upgrade(db.configure(settings.database_url, config.pool(settings)))
    return run(args) if args.command == "run" else dispatch(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m jobs")
    parser.add_argument("--verbose", action="store_true", help="log every job run")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="run the scheduler until stopped (SIGTERM or Ctrl-C)")
    once = commands.add_parser("dispatch", help="deliver the outbox")
    once.add_argument("--until-empty", action="store_true", help="repeat until no message is pending")
    once.add_argument("--timeout", type=float, default=60.0, help="seconds to keep trying (--until-empty)")
    once.add_argument("--batch", type=int, default=delivery.BATCH)
    once.add_argument("--claim-seconds", type=float, default=delivery.CLAIM_LEASE.total_seconds())
    once.add_argument("--ready-signal", action="store_true", help="print 'ready', start on a line of stdin")
    once.add_argument("--pause-after-claim", action="store_true", help="print 'claimed N', then wait")
    return parser


def run(_args: argparse.Namespace) -> int:
    stopping = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopping.set())
    startup.start(catch_mail=False)
    stopping.wait()
    startup.stop()
    return 0


def dispatch(args: argparse.Namespace) -> int:
    holder = leader.holder_name()
    if args.ready_signal:
        print("ready", flush=True)
        sys.stdin.readline()
    after_claim = _pause if args.pause_after_claim else None
    deadline = time.monotonic() + args.timeout
    while True:
        report = delivery.dispatch(
            builtin.current_mailer(),
            holder=holder,
            batch=args.batch,
            lease=timedelta(seconds=args.claim_seconds),
            after_claim=after_claim,
        )
        print(f"dispatched {report}", flush=True)
        if not args.until_empty or not delivery.pending() or time.monotonic() > deadline:
            return 0
        time.sleep(0.2)  # bounded polling: a claim left by a dead dispatcher runs out


def _pause(envelopes: list[delivery.Envelope]) -> None:
    print(f"claimed {len(envelopes)}", flush=True)
    sys.stdin.readline()  # the test kills this process here


if __name__ == "__main__":
    sys.exit(main())
