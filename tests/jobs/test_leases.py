"""One leader among processes: the scheduler lease on SQLite and PostgreSQL, with the clock frozen;
and the scheduler's set-up (UTC interval triggers, coalesced, one instance, gated on the lease)."""

from datetime import timedelta

from apscheduler.triggers.interval import IntervalTrigger

from domain import clock
from jobs import leader, leases
from jobs.registry import Job
from jobs.scheduler import JobSettings, Scheduler

LEASE = timedelta(seconds=30)


def test_the_first_process_takes_the_lease_and_a_second_is_refused(empty_db: str) -> None:
    assert leases.take_or_renew("scheduler", "a", LEASE) == clock.now() + LEASE
    assert leases.take_or_renew("scheduler", "b", LEASE) is None
    assert leases.holder("scheduler") == leases.LeaseState("a", clock.now() + LEASE)


def test_the_holder_renews_and_another_takes_over_only_once_it_runs_out(empty_db: str) -> None:
    leases.take_or_renew("scheduler", "a", LEASE)
    clock.advance(timedelta(seconds=20))
    assert leases.take_or_renew("scheduler", "a", LEASE) is not None
    clock.advance(timedelta(seconds=29))
    assert leases.take_or_renew("scheduler", "b", LEASE) is None
    clock.advance(timedelta(seconds=1))
    assert leases.take_or_renew("scheduler", "b", LEASE) is not None
    assert leases.take_or_renew("scheduler", "a", LEASE) is None


def test_a_released_lease_is_taken_at_once(empty_db: str) -> None:
    leases.take_or_renew("scheduler", "a", LEASE)
    leases.release("scheduler", "b")  # not b's to release
    assert leases.take_or_renew("scheduler", "b", LEASE) is None
    leases.release("scheduler", "a")
    assert leases.take_or_renew("scheduler", "b", LEASE) is not None


def test_jobs_run_only_in_the_process_that_holds_the_lease(empty_db: str) -> None:
    runs: list[str] = []
    settings = dict(lease=LEASE, renew_every=timedelta(seconds=10))
    schedulers = {
        name: Scheduler(
            JobSettings(holder=name, **settings), [Job("count", lambda n=name: runs.append(n), LEASE)]
        )
        for name in ("a", "b")
    }
    for scheduler in schedulers.values():
        scheduler.leadership.renew()
    for scheduler in schedulers.values():
        scheduler.aps.get_job("count").func()
    assert runs == ["a"]
    schedulers["a"].stop()  # a clean stop hands the lease back
    assert schedulers["b"].leadership.renew()
    schedulers["b"].aps.get_job("count").func()
    assert runs == ["a", "b"]


def test_every_job_has_a_utc_interval_trigger_and_runs_coalesced_one_at_a_time() -> None:
    scheduler = Scheduler(JobSettings(holder="a"), [Job("count", lambda: None, timedelta(minutes=5))])
    scheduler.aps.start(paused=True)  # job defaults apply once the scheduler starts; paused runs nothing
    job = scheduler.aps.get_job("count")
    scheduler.aps.shutdown(wait=False)
    assert isinstance(job.trigger, IntervalTrigger)
    assert job.trigger.interval == timedelta(minutes=5)
    assert str(job.trigger.timezone) == "UTC"
    assert (job.coalesce, job.max_instances) == (True, 1)


def test_the_lease_must_be_renewed_at_least_twice_within_its_duration() -> None:
    try:
        leader.Leadership("a", timedelta(seconds=10), timedelta(seconds=6))
    except ValueError:
        return
    raise AssertionError("a lease renewed less than twice in its life was accepted")


def test_every_job_the_design_lists_is_registered() -> None:
    from jobs import builtin, registry

    builtin.install(holder="test", dispatch_every=timedelta(seconds=5))
    names = {job.name for job in registry.registered()}
    assert {"outbox_dispatch", "offer_expiry", "shift_reminders", "billing", "monthly_statements"} <= names
