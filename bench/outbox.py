"""Outbox dispatch throughput to a local SMTP server (aiosmtpd) on SQLite.

    make bench-outbox            # or: python bench/outbox.py --messages 2000 --batch 100

Queues the messages (not timed), then times claim → send → mark, batch by batch, exactly as the
dispatcher does (delivery.CONNECTIONS connections per batch). The SMTP server (aiosmtpd, counting
what arrives) runs in a child process of its own, as a real mail server would. Prints the data
size, the median and p95 time per batch, and as its last line one JSON object with messages,
seconds and per_second.
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from aiosmtpd.controller import Controller

from domain import action
from domain.agency.settings import AgencySettings
from domain.messaging import delivery, letterhead, outbox
from domain.messaging.letterhead import Letter, Rendered
from jobs import catcher, mailer
from storage import db, migrate
from storage.models import Agency

HOLDER = "bench"


class Count:
    def __init__(self) -> None:
        self.received = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.received += 1
        return "250 OK"


@dataclass(frozen=True)
class Reminder(Letter):
    """A message the size and shape of a real reminder."""

    name: ClassVar[str] = "bench_note"
    n: int

    def render(self, agency: AgencySettings) -> Rendered:
        return letterhead.letter(
            agency,
            subject=f"Reminder: Personal care on visit {self.n}",
            greeting="Dear Margaret,",
            paragraphs=["This is a reminder of your visit tomorrow at 9:30 am.", "Aisha Rahman is coming."],
            details=[("Service", "Personal care"), ("Support worker", "Aisha Rahman")],
        )


def prepare(folder: Path) -> None:
    migrate.upgrade(db.configure(f"sqlite:///{folder / 'bench.db'}"))
    with db.write() as session:
        session.add(
            Agency(
                name="Bench Care",
                phone="02 9000 0000",
                email="office@bench.example",
                roster_email="roster@bench.example",
            )
        )


def queue(count: int) -> None:
    with action.writing() as act:
        for n in range(count):
            outbox.email(act, to=[f"client{n}@bench.example"], letter=Reminder(n))


def dispatch_all(send: delivery.Mailer, batch: int, connections: int) -> tuple[float, list[float], int]:
    """Seconds in all, seconds per batch, messages sent."""
    report, batches = delivery.DispatchReport(), []
    started, cpu = time.perf_counter(), time.process_time()
    while envelopes := delivery.claim_emails(holder=HOLDER, limit=batch):
        begun = time.perf_counter()
        delivery.send_claimed(send, envelopes, holder=HOLDER, report=report, connections=connections)
        batches.append(time.perf_counter() - begun)
    seconds = time.perf_counter() - started
    print(f"dispatcher CPU: {(time.process_time() - cpu) / max(report.sent, 1) * 1000:.2f} ms per message")
    return seconds, batches, report.sent


def serve(port: int) -> int:
    """Child process: receive mail on the port until stdin closes, then print how many arrived."""
    counter = Count()
    controller = Controller(counter, hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    sys.stdin.read()
    controller.stop()
    print(counter.received, flush=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=delivery.BATCH)
    parser.add_argument("--connections", type=int, default=delivery.CONNECTIONS)
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        return serve(args.serve)
    port = catcher.free_port()
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(port)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    assert server.stdout.readline().strip() == "ready"
    with tempfile.TemporaryDirectory() as folder:
        prepare(Path(folder))
        queue(args.messages)
        send = mailer.mailer(mailer.MailServer("127.0.0.1", port, "care@bench.example", "Bench Care"))
        seconds, batches, sent = dispatch_all(send, args.batch, args.connections)
        db.engine().dispose()
    received = int(server.communicate("", timeout=60)[0].strip())
    if sent != args.messages or received != args.messages:
        print(f"expected {args.messages}, sent {sent}, received {received}", file=sys.stderr)
        return 1
    p95 = statistics.quantiles(batches, n=20)[-1] if len(batches) > 1 else batches[0]
    print(
        f"data: {args.messages} e-mails on SQLite, {len(batches)} batches of up to {args.batch}, "
        f"{args.connections} SMTP connection(s) per batch"
    )
    print(f"per batch: median {statistics.median(batches) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms")
    print(f"throughput: {sent / seconds:.0f} messages/s (target: at least 200)")
    print(
        json.dumps({"messages": sent, "seconds": round(seconds, 3), "per_second": round(sent / seconds, 1)})
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
