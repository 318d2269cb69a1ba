"""One structured JSON log line per page request and per S3 event.

Fields are named, never dumped wholesale: the request id, the method, the
path (cut to a bounded length), the status and the time taken; for events the
key and what indexing did. No headers, query values, cookies or credentials,
so a line is safe to ship to any log store.
"""
import json
import logging
import time

log = logging.getLogger("chalicelib.requests")
MAX_PATH = 300


def request_id(lambda_context, request_context=None):
    """The Lambda request id, else API Gateway's, else ``-``."""
    found = getattr(lambda_context, "aws_request_id", None)
    if not found and request_context:
        found = request_context.get("requestId")
    return found or "-"


def log_line(kind, request, **fields):
    """Write one JSON line: ``kind`` ("request" or "event"), the request id and ``fields``."""
    if not (log.isEnabledFor(logging.INFO) and log.hasHandlers()):
        return  # nobody would receive it: build nothing (a warm page costs ~20 µs)
    record = {"kind": kind, "request_id": request, **fields}
    line = json.dumps(record, ensure_ascii=True, separators=(",", ":"), default=str)
    # makeRecord with the place given skips logging's stack walk for the caller.
    log.handle(log.makeRecord(log.name, logging.INFO, __file__, 0, line, None, None,
                              "log_line"))


class Timer:
    """Milliseconds since it was made."""

    def __init__(self):
        self._start = time.perf_counter()

    @property
    def ms(self):
        """Elapsed milliseconds, to a tenth."""
        return round((time.perf_counter() - self._start) * 1000, 1)


def bounded(path):
    """``path`` cut to MAX_PATH characters for a log line."""
    return path if len(path) <= MAX_PATH else path[:MAX_PATH] + "..."
