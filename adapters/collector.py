"""The interpreter's garbage collector, for a process that keeps a large workforce in memory.

Installed at start-up when FREEZE_WORKFORCE is on (config.py, main.py):
`matching.after_large_load(collector.collect_and_freeze)`.
"""

import gc


def collect_and_freeze() -> None:
    """A workforce snapshot lives until the workforce changes, and a large agency's is most of the
    heap: a full collection that starts during a search walked it all (about 100 ms at 5,000
    workers, the slowest searches). Collect once now, then move everything alive out of the
    collector's sight (reference counting still frees the snapshot when it is replaced).
    Unfreezing first lets this collection reclaim cycles frozen last time that have died since (a
    closed page's elements), so a long-running portal does not keep them for good."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


# Young collections run after this many new container objects rather than Python's 700: building a
# page makes thousands of elements (and their dicts), and with 700 a busy process spent about a
# sixth of its event loop's time collecting (bench/load.py, a py-spy profile at 50 tablets).
YOUNG_THRESHOLD = 20_000


def settle_after_start() -> None:
    """Once start-up is done: what is alive now (modules, routes, the ORM's mappings, NiceGUI's
    classes) lives as long as the process, so move it out of the collector's sight; every later
    full collection then walks only what pages and requests made since. Fewer, larger young
    collections too."""
    gc.collect()
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
