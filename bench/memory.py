"""Peak RSS of a fresh process after serving N distinct pages (run as a child).

``python bench/memory.py N`` serves the first N URLs of ``distinct_pages``
through the app's handler and prints one JSON line: ru_maxrss in MiB, pages
served, and the page cache's bytes and entries at the end.
"""
import json
import os
import resource
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

from corpus import VOCABULARY  # noqa: E402
from events import LambdaContext, post_event, proxy_event  # noqa: E402


def distinct_pages(post_slugs, tags):
    """Distinct URLs as events: posts, home pages, tag pages, then searches."""
    for slug in post_slugs:
        yield post_event(slug)
    for number in range(2, 101):
        yield proxy_event("/", "/", query={"page": str(number)})
    for tag in tags:
        yield proxy_event(f"/tags/{tag}", "/tags/{tag}", {"tag": tag})
    for word in VOCABULARY:
        yield proxy_event("/search", "/search", query={"q": word})
    for first in VOCABULARY[:200]:
        for second in VOCABULARY[:200]:
            if first < second:
                yield proxy_event("/search", "/search", query={"q": f"{first} {second}"})


def peak_rss_mib():
    """This process's RSS high-water mark (VmHWM: unlike ru_maxrss, not inherited
    from the parent across fork and exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    count = int(sys.argv[1])
    slugs = json.loads(os.environ["BENCH_SLUGS"])
    tags = json.loads(os.environ["BENCH_TAGS"])
    from app import app
    from chalicelib.wiring import page_instance

    context = LambdaContext()
    served = 0
    for event in distinct_pages(slugs, tags):
        if served == count:
            break
        response = app(event, context)
        assert response["statusCode"] in (200, 404), response["statusCode"]
        served += 1
    cache = page_instance().cache
    peak = peak_rss_mib()
    print(json.dumps({"peak_mib": peak, "served": served, "cache_bytes": cache.size_bytes,
                      "cache_pages": len(cache)}))


if __name__ == "__main__":
    main()
