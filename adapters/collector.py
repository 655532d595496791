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
