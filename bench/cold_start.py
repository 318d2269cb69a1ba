"""One cold start, run in a fresh process: import an app, serve its first post page.

``python bench/cold_start.py blog|baseline SLUG [PROJECT_DIR]`` prints one JSON line with
the milliseconds from this script's first line to the response in hand, the
status and the body length. The parent times the whole process as well.
"""
import time

STARTED = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    mode, slug = sys.argv[1], sys.argv[2]
    project = sys.argv[3] if len(sys.argv) > 3 else os.path.dirname(HERE)
    sys.path.insert(0, HERE)
    from events import LambdaContext, body_bytes, post_event

    if mode == "blog":
        sys.path.insert(0, project)
        from app import app
    else:
        sys.path.insert(0, os.path.join(HERE, "baseline"))
        from app import app  # the baseline's app.py
    imported = time.perf_counter()
    waits = record_round_trips()
    response = app(post_event(slug), LambdaContext())
    done = time.perf_counter()
    print(json.dumps({"import_ms": (imported - STARTED) * 1000,
                      "total_ms": (done - STARTED) * 1000,
                      "wire_ms": overlapped(waits) * 1000,
                      "status": response["statusCode"], "bytes": len(body_bytes(response))}),
          flush=True)
    os._exit(0)


def record_round_trips():
    """Time every HTTP round trip to AWS (any thread); returns the list it fills."""
    import threading

    from botocore.endpoint import Endpoint

    waits, lock, send = [], threading.Lock(), Endpoint._send

    def timed(endpoint, request):
        started = time.perf_counter()
        try:
            return send(endpoint, request)
        finally:
            with lock:
                waits.append((started, time.perf_counter()))

    Endpoint._send = timed
    return waits


def overlapped(intervals):
    """Seconds during which at least one round trip was in flight."""
    total, end = 0.0, None
    for start, stop in sorted(intervals):
        if end is None or start > end:
            total += stop - start
            end = stop
        elif stop > end:
            total += stop - end
            end = stop
    return total


if __name__ == "__main__":
    main()
