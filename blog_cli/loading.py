"""Local mode's first load of a content folder: every file uploaded and indexed, in parallel.

Parsing (front matter, Markdown, Pygments) is the CPU-heavy part, so it runs
in worker processes, one per core, while this process uploads each file to
the embedded S3 and writes the index. The result per file is exactly what
``sync_key`` gives (``sync.parse_source`` and ``sync.apply_parsed`` are the
same code), without reading back what was just written; the sidebar snapshot
is refreshed once at the end instead of after every file.
"""
import os
import signal
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone

from chalicelib.content import classify_key
from chalicelib.errors import ContentError
from chalicelib.store import SourceObject
from chalicelib.sync import apply_parsed, parse_source

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 64
# Parsed posts waiting to be written, per worker: enough to keep the workers
# busy, few enough that a 10,000-post folder's parsed pages never pile up here.
AHEAD_PER_WORKER = 8


def _ignore_interrupts():
    """Workers leave Ctrl-C to the parent, which stops them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _parse(job):
    source, settings = job
    return parse_source(source, settings)


def _in_order(pool, function, jobs, ahead):
    """``pool.map`` that keeps at most ``ahead`` jobs in flight (``map`` submits them all)."""
    pending = deque()
    for job in jobs:
        pending.append(pool.submit(function, job))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _sources(root, keys, moment):
    for key in keys:
        yield SourceObject(key=key, data=(root / key).read_bytes(), etag="", last_modified=moment)


def load_files(root, keys, services, settings, advance=lambda: None, workers=None,
               fresh=False):
    """Upload and index ``keys`` (paths under ``root``); the SyncResult of each.

    ``fresh``: the table was created for this load, so no error is recorded
    yet and none is deleted (a delete of nothing is still a call).
    """
    moment = datetime.now(timezone.utc).replace(microsecond=0)
    content = []
    results = []
    for key in keys:
        try:
            classify_key(key)
        except ContentError as error:
            services.store.put(key, (root / key).read_bytes())
            results.append(apply_parsed(key, error, None, services.index, settings))
            advance()
            continue
        content.append(key)
    workers = workers or min(os.cpu_count() or 1, 4)
    sources = _sources(root, content, moment)
    pool = None
    if len(content) >= PARALLEL_FROM and workers > 1:
        import multiprocessing

        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_ignore_interrupts)
    try:
        jobs = ((source, settings) for source in sources)
        parsed_all = (_in_order(pool, _parse, jobs, workers * AHEAD_PER_WORKER) if pool
                      else map(_parse, jobs))
        for key, parsed in zip(content, parsed_all):
            data = (root / key).read_bytes()
            etag = services.store.put(key, data)
            source = SourceObject(key=key, data=data, etag=etag, last_modified=moment)
            results.append(apply_parsed(key, parsed, source, services.index, settings,
                                        had_error=not fresh))
            advance()
    finally:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
    services.index.refresh_sidebar()
    return results
