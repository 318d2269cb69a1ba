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

# Cold view (fresh instance): one Query of the SITE partition (the site item with
# settings, widgets and version, and the sidebar snapshot), then what the page
# itself reads. Reads that do not need the settings (a post, a page, search
# postings, feeds, the sitemap) run alongside it, so no page waits on more than
# two round trips (bench/run.py measures those).
COLD_VIEWS = [
    ("/", {"Query": 2}),
    ("/?page=2", {"Query": 3}),  # one keys-only Query skips page 1
    ("/posts/post-3", {"Query": 4}),  # post, then older + newer together
    ("/pages/about", {"Query": 2}),
    ("/tags/sea", {"Query": 2}),  # the tag's name is in the sidebar
    ("/categories/travel", {"Query": 2}),
    ("/archive/2024", {"Query": 2}),
    ("/archive/2024/03", {"Query": 2}),
    # The word's postings and the posts waiting to be folded, together.
    ("/search?q=lighthouses", {"Query": 3, "BatchGetItem": 1}),
    # Feeds: listing entries carry revision and chunk count, so bodies are one batch.
    ("/feed.xml", {"Query": 2, "BatchGetItem": 1}),
    ("/rss.xml", {"Query": 2, "BatchGetItem": 1}),
    ("/tags/sea/feed.xml", {"Query": 2, "BatchGetItem": 1}),
    ("/sitemap.xml", {"Query": 2}),
    ("/robots.txt", {"Query": 1}),
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
def test_after_cache_seconds_unchanged_site_costs_one_query(site, client, aws_calls, path):
    first = client.http.get(path)
    advance_clock(61)
    aws_calls.clear()
    again = client.http.get(path)
    assert operations(aws_calls) == {"Query": 1}  # the SITE partition
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


# -- the warm path: a fresh cached page is answered before Chalice routes it ------------

WARM_REQUESTS = [
    ("/", "/", None, {}),
    ("/?page=2", "/", {"page": "2"}, {}),
    ("/posts/post-3", "/posts/{slug}", None, {}),
    ("/posts/post-3", "/posts/{slug}", None, {"If-None-Match": "*"}),
    ("/tags/sea", "/tags/{tag}", None, {"X-Amz-Cf-Id": "cloudfront", "Host": "blog.example"}),
    ("/feed.xml", "/feed.xml", None, {"Accept": "application/atom+xml"}),
    ("/sitemap.xml", "/sitemap.xml", None, {}),
    ("/search", "/search", {"q": "lighthouses"}, {}),
    ("/posts/no-such-post", "/posts/{slug}", None, {}),  # the themed 404 is cached too
]


@pytest.mark.parametrize("method", ["GET", "HEAD"])
@pytest.mark.parametrize("path, resource, query, headers", WARM_REQUESTS,
                         ids=[f"{path} {sorted(headers)}" for path, _, _, headers in WARM_REQUESTS])
def test_a_warm_answer_is_exactly_what_chalice_routing_gives(site, aws_calls, monkeypatch,
                                                             method, path, resource, query,
                                                             headers):
    import app as app_module
    from tests.helpers import proxy_event

    event = proxy_event(path.split("?")[0], query=query, resource=resource)
    event["httpMethod"] = event["requestContext"]["httpMethod"] = method
    event["headers"] = dict(event["headers"], **headers)
    if "{" in resource:
        name = resource[resource.index("{") + 1:resource.index("}")]
        event["pathParameters"] = {name: path.rsplit("/", 1)[1]}
    routed = app_module.app(dict(event), None)  # builds and caches the page
    assert routed["statusCode"] in (200, 304, 404)
    aws_calls.clear()
    early = []
    answer_early = app_module._cached_answer
    monkeypatch.setattr(app_module, "_cached_answer",
                        lambda event, context: early.append(answer_early(event, context))
                        or early[-1])
    warm = app_module.app(dict(event), None)
    assert aws_calls == Counter(), "a fresh cached page costs no AWS call"
    assert early and early[-1] is not None, "answered before Chalice's routing"
    monkeypatch.setattr(app_module, "_cached_answer", lambda event, context: None)
    through_chalice = app_module.app(dict(event), None)
    assert warm == through_chalice


def test_a_cached_page_is_not_answered_early_for_other_methods(site):
    import app as app_module
    from tests.helpers import proxy_event

    event = proxy_event("/", resource="/")
    assert app_module.app(dict(event), None)["statusCode"] == 200
    event["httpMethod"] = event["requestContext"]["httpMethod"] = "POST"
    assert app_module.app(dict(event), None)["statusCode"] == 405


def test_a_failing_early_answer_leaves_the_request_to_chalices_routing(site, monkeypatch):
    import app as app_module
    from tests.helpers import proxy_event

    event = proxy_event("/", resource="/")
    first = app_module.app(dict(event), None)

    def broken(instance, request):
        raise RuntimeError("early answer broke")

    monkeypatch.setattr(app_module, "cached_answer", broken)
    again = app_module.app(dict(event), None)
    assert again["statusCode"] == 200 and again["body"] == first["body"]
