"""What the speed depends on: AWS calls per page view, HTTP caching, the cache bound.

No timings here (bench/run.py measures those); every assertion is about
behaviour: how many AWS calls of which kind a view costs, 304s, headers, the
page cache's byte bound. tests/test_freshness.py has the ones that write.
"""
import random
from collections import Counter
from datetime import datetime, timezone

import pytest
from chalice.test import Client

from chalicelib.cache import CachedPage, PageCache
from chalicelib.wiring import reset
from tests.conftest import module_aws
from tests.helpers import PROJECT, READS, STAGE, advance_clock, operations, publish_small_site


@pytest.fixture(scope="module")
def small_site():
    """Five posts and a page, published once; these tests only read them."""
    with module_aws() as found:
        yield publish_small_site(found)


@pytest.fixture
def site(small_site):
    """The small site as a cold Lambda instance meets it."""
    reset()
    return small_site


@pytest.fixture
def client(site):
    """Chalice's test client on the module's small site."""
    from app import app

    with Client(app, stage_name=STAGE, project_dir=str(PROJECT)) as test_client:
        yield test_client


# -- call budget per page kind ------------------------------------------------------

# Cold view (fresh instance): one GetItem of the site item (settings, widgets and
# the sidebar snapshot), then what the page itself reads. Reads that do not need
# the settings (a post, a page, search postings, feeds, the sitemap) run alongside
# the GetItem, so no page waits on more than two round trips (bench/run.py
# measures those).
COLD_VIEWS = [
    ("/", {"GetItem": 1, "Query": 1}),
    ("/?page=2", {"GetItem": 1, "Query": 2}),  # one keys-only Query skips page 1
    ("/posts/post-3", {"GetItem": 1, "Query": 3}),  # post, then older + newer together
    ("/pages/about", {"GetItem": 1, "Query": 1}),
    ("/tags/sea", {"GetItem": 1, "Query": 1}),  # the tag's name is in the sidebar
    ("/categories/travel", {"GetItem": 1, "Query": 1}),
    ("/archive/2024", {"GetItem": 1, "Query": 1}),
    ("/archive/2024/03", {"GetItem": 1, "Query": 1}),
    ("/search?q=lighthouses", {"GetItem": 1, "Query": 1, "BatchGetItem": 1}),
    # Feeds: listing entries carry revision and chunk count, so bodies are one batch.
    ("/feed.xml", {"GetItem": 1, "Query": 1, "BatchGetItem": 1}),
    ("/rss.xml", {"GetItem": 1, "Query": 1, "BatchGetItem": 1}),
    ("/tags/sea/feed.xml", {"GetItem": 1, "Query": 1, "BatchGetItem": 1}),
    ("/sitemap.xml", {"GetItem": 1, "Query": 1}),
    ("/robots.txt", {"GetItem": 1}),
]


@pytest.mark.parametrize("path, expected", COLD_VIEWS, ids=[path for path, _ in COLD_VIEWS])
def test_cold_view_makes_exactly_these_dynamodb_reads(site, client, aws_calls, path, expected):
    response = client.http.get(path)
    assert response.status_code == 200
    assert operations(aws_calls) == expected
    assert not any(name.startswith("s3:") for name in aws_calls), "pages never touch S3"
    assert set(operations(aws_calls)) <= READS, "no Scan, no write"


@pytest.mark.parametrize("path", [path for path, _ in COLD_VIEWS])
def test_cached_page_costs_no_call_within_cache_seconds(site, client, aws_calls, path):
    first = client.http.get(path)
    aws_calls.clear()
    again = client.http.get(path)
    assert aws_calls == Counter()
    assert again.body == first.body


@pytest.mark.parametrize("path", ["/", "/posts/post-3", "/tags/sea", "/search?q=lighthouses",
                                  "/feed.xml", "/sitemap.xml"])
def test_after_cache_seconds_unchanged_site_costs_one_getitem(site, client, aws_calls, path):
    first = client.http.get(path)
    advance_clock(61)
    aws_calls.clear()
    again = client.http.get(path)
    assert operations(aws_calls) == {"GetItem": 1}
    assert again.body == first.body
    aws_calls.clear()
    client.http.get(path)
    assert aws_calls == Counter(), "the check itself is good for another cache_seconds"


def test_sidebar_is_read_once_per_site_version(site, client, aws_calls):
    client.http.get("/")
    aws_calls.clear()
    client.http.get("/posts/post-1")
    assert operations(aws_calls) == {"Query": 3}, "post + neighbours; sidebar reused"


def test_missing_post_is_a_themed_404_without_s3(site, client, aws_calls):
    response = client.http.get("/posts/no-such-post")
    assert response.status_code == 404
    assert not any(name.startswith("s3:") for name in aws_calls)
    assert set(operations(aws_calls)) <= READS


# -- HTTP caching -----------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/posts/post-2", "/tags/sea", "/feed.xml", "/rss.xml",
                                  "/sitemap.xml"])
def test_if_none_match_gets_304_with_empty_body(site, client, path):
    first = client.http.get(path)
    etag = first.headers["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    response = client.http.get(path, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.body == b""
    assert response.headers["ETag"] == etag
    several = client.http.get(path, headers={"If-None-Match": f'"other", {etag}'})
    assert several.status_code == 304
    stale = client.http.get(path, headers={"If-None-Match": '"not-it"'})
    assert stale.status_code == 200 and stale.body == first.body


def test_cache_control_follows_cache_seconds(site, client):
    response = client.http.get("/posts/post-1")
    assert response.headers["Cache-Control"] == \
        "public, max-age=60, stale-while-revalidate=60"


@pytest.mark.parametrize("path", ["/feed.xml", "/rss.xml", "/tags/sea/feed.xml"])
def test_feeds_carry_last_modified_no_earlier_than_the_newest_post(site, client, path):
    from email.utils import parsedate_to_datetime

    response = client.http.get(path)
    assert parsedate_to_datetime(response.headers["Last-Modified"]) >= datetime(
        2024, 3, 5, tzinfo=timezone.utc)
    assert "ETag" in response.headers


# -- the page cache bound ---------------------------------------------------------

def _page(size):
    return CachedPage(body="x" * size, content_type="text/html", etag='"e"', size=size)


def test_page_cache_never_exceeds_its_bound():
    cache = PageCache(max_bytes=50_000)
    sizes = random.Random(3)
    for number in range(5_000):
        cache.put(f"/page/{number}", _page(sizes.randint(100, 9_000)))
        assert cache.size_bytes <= cache.max_bytes
    assert 0 < len(cache) < 5_000
    assert cache.size_bytes == sum(cache.get(f"/page/{n}").size for n in range(5_000)
                                   if cache.get(f"/page/{n}") is not None)


def test_page_cache_evicts_least_recently_used_and_skips_oversized():
    cache = PageCache(max_bytes=300)
    for key in ("a", "b", "c"):
        cache.put(key, _page(100))
    cache.get("a")  # now b is the oldest
    cache.put("d", _page(100))
    assert cache.get("b") is None and cache.get("a") is not None
    cache.put("huge", _page(301))
    assert cache.get("huge") is None and cache.size_bytes == 300
    cache.put("a", _page(50))  # replacing a page frees its old bytes
    assert cache.size_bytes == 250
