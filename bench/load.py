"""Load against `blog serve` on loopback: concurrent readers over every page kind
while an author keeps editing a post. Reports throughput, latency percentiles
and errors (any 5xx, a refused or dropped connection, or an unexpected status).

`make bench` runs it for 10 s with 20 clients; tests/test_load.py runs a short
one in `make test`. Standalone: ``python bench/load.py [SECONDS] [CLIENTS]``.
"""
import re
import statistics
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

HREF = re.compile(r'href="(/(?:tags|categories|archive|pages)/[^"#?]+)"')
LOC = re.compile(r"<loc>https?://[^/<]+(/[^<]*)</loc>")
FIXED = ["/", "/?page=2", "/search?q=garden", "/search?q=%3Cscript%3E", "/feed.xml",
         "/rss.xml", "/sitemap.xml", "/robots.txt"]
MISSING = ["/posts/no-such-post", "/nothing-here", "/?page=%C2%B2"]


def fetch(url):
    """(status or None, seconds) of one GET."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=15) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        error.read()
        status = error.code
    except OSError:
        status = None
    return status, time.perf_counter() - started


def page_paths(base):
    """Every page kind of the site at ``base``: posts and pages from the sitemap,
    labels and archives from the home page, and the fixed ones."""
    _, _ = fetch(base + "/")
    with urllib.request.urlopen(base + "/sitemap.xml", timeout=15) as response:
        found = LOC.findall(response.read().decode())
    with urllib.request.urlopen(base + "/", timeout=15) as response:
        found += HREF.findall(response.read().decode())
    return sorted(set(found)) + FIXED


def run_load(base, edit_file, seconds, clients=20):
    """Hit ``base`` with ``clients`` threads for ``seconds`` while ``edit_file`` is rewritten.

    Returns a dict: requests, errors (with examples), throughput and latency percentiles.
    """
    paths = page_paths(base)
    expected = {path: {200} for path in paths} | {path: {404} for path in MISSING}
    every = list(expected)
    latencies, errors, lock = [], [], threading.Lock()
    stop = time.monotonic() + seconds
    original = Path(edit_file).read_text()

    def reader(number):
        position = number
        while time.monotonic() < stop:
            path = every[position % len(every)]
            position += 1
            status, elapsed = fetch(base + path)
            with lock:
                latencies.append(elapsed)
                if status not in expected[path]:
                    errors.append((path, status))

    def author():
        edit = 0
        while time.monotonic() < stop:
            edit += 1
            Path(edit_file).write_text(original + f"\n\nEdit number {edit}.\n")
            time.sleep(0.5)
        Path(edit_file).write_text(original)

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(clients)]
    threads.append(threading.Thread(target=author))
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    ordered = sorted(latencies)

    def percentile(share):
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000 if ordered else 0

    return {"clients": clients, "seconds": round(elapsed, 1), "requests": len(latencies),
            "paths": len(every), "per_second": round(len(latencies) / elapsed, 1),
            "p50_ms": round(percentile(0.50), 1), "p95_ms": round(percentile(0.95), 1),
            "p99_ms": round(percentile(0.99), 1),
            "mean_ms": round(statistics.fmean(ordered) * 1000, 1) if ordered else 0,
            "errors": len(errors), "error_examples": errors[:5]}


def main(seconds=10.0, clients=20):
    """Start `blog serve` on a copy of demo/, load it, print the figures; exit 1 on errors."""
    import shutil
    import sys
    import tempfile

    here = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(here))
    from tests.test_local_mode import Server

    with tempfile.TemporaryDirectory() as work:
        content = Path(work) / "content"
        shutil.copytree(here / "demo", content)
        server = Server(content, Path(work) / "serve.log")
        try:
            server.wait_until_serving()
            edited = sorted((content / "posts").glob("*.md"))[0]
            figures = run_load(server.base, edited, seconds, clients)
        finally:
            server.kill()
    print("load against blog serve (loopback): " + ", ".join(
        f"{name} {value}" for name, value in figures.items()))
    return 1 if figures["errors"] else 0


if __name__ == "__main__":
    import sys

    arguments = [float(value) for value in sys.argv[1:3]]
    sys.exit(main(*(arguments[:1] or [10.0]), *(int(v) for v in arguments[1:2])))
