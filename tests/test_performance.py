"""What the speed depends on: AWS calls per page view, HTTP caching, the cache bound.

No timings here (bench/run.py measures those); every assertion is about
behaviour: how many AWS calls of which kind a view costs, 304s, headers, the
page cache's byte bound, posts larger than a DynamoDB item, and how changes and
scheduled posts reach a warm instance.
"""
import random
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest
from botocore.client import BaseClient

import chalicelib.runtime as runtime_module
from chalicelib.cache import CachedPage, PageCache
from chalicelib.wiring import page_instance, reset
from tests.helpers import BASE_SITE, publish, push_site

CACHED_SITE = {"site": dict(BASE_SITE["site"], cache_seconds=60),
               "widgets": BASE_SITE["widgets"]}
READS = {"GetItem", "Query", "BatchGetItem"}


@pytest.fixture
def aws_calls(monkeypatch):
    """Every botocore API call made, as a Counter of 'service:Operation'."""
    calls = Counter()
    original = BaseClient._make_api_call

    def counted(client, operation, params):
        calls[f"{client.meta.service_model.service_name}:{operation}"] += 1
        return original(client, operation, params)

    monkeypatch.setattr(BaseClient, "_make_api_call", counted)
    return calls


@pytest.fixture
def site(blog):
    """A small blog with a minute of caching: posts, a static page, tags, a category."""
    push_site(blog, CACHED_SITE)
    for number in range(1, 6):
        publish(blog, f"posts/post-{number}.md", f"Body of post {number} about lighthouses.\n",
                title=f"Post {number}", date=f"2024-03-0{number}", tags="[Sea, Light]",
                categories="[Travel]")
    publish(blog, "pages/about.md", "About this blog.\n", title="About")
    reset()
    return blog


def advance_clock(seconds):
    """Move the warm instance's monotonic clock forward."""
    current = page_instance()
    real = current._clock
    current._clock = lambda: real() + seconds


def operations(calls):
    return {name.split(":", 1)[1]: count for name, count in calls.items()}


# -- call budget per page kind ------------------------------------------------------

# Cold view (fresh instance): the site item GetItem, the sidebar (one Query for
# counts and months, one for recent posts), then what the page itself reads.
COLD_VIEWS = [
    ("/", {"GetItem": 1, "Query": 3}),
    ("/?page=2", {"GetItem": 1, "Query": 4}),  # one keys-only Query skips page 1
    ("/posts/post-3", {"GetItem": 1, "Query": 5}),  # post + older + newer
    ("/pages/about", {"GetItem": 1, "Query": 3}),
    ("/tags/sea", {"GetItem": 2, "Query": 3}),  # the tag's name is one GetItem
    ("/categories/travel", {"GetItem": 2, "Query": 3}),
    ("/archive/2024", {"GetItem": 1, "Query": 3}),
    ("/archive/2024/03", {"GetItem": 1, "Query": 3}),
    ("/search?q=lighthouses", {"GetItem": 1, "Query": 3, "BatchGetItem": 1}),
    # Feeds: listing entries carry revision and chunk count, so bodies are one batch.
    ("/feed.xml", {"GetItem": 1, "Query": 1, "BatchGetItem": 1}),
    ("/rss.xml", {"GetItem": 1, "Query": 1, "BatchGetItem": 1}),
    ("/tags/sea/feed.xml", {"GetItem": 2, "Query": 1, "BatchGetItem": 1}),
    ("/sitemap.xml", {"GetItem": 1, "Query": 3}),
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


def test_a_repeated_404_is_served_from_the_cache_until_the_site_changes(site, client,
                                                                         aws_calls):
    assert client.http.get("/posts/coming-soon").status_code == 404
    aws_calls.clear()
    assert client.http.get("/posts/coming-soon").status_code == 404
    assert aws_calls == Counter(), "bots probing the same path cost nothing"
    publish(site, "posts/coming-soon.md", "Here now.\n", title="Coming Soon", date="2024-04-01")
    advance_clock(61)
    assert client.http.get("/posts/coming-soon").status_code == 200


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


def test_cache_seconds_zero_means_no_cache(blog, client):
    publish(blog, "posts/one.md", "Text.\n", title="One", date="2024-01-01")
    response = client.http.get("/posts/one")
    assert response.headers["Cache-Control"] == "no-cache"


@pytest.mark.parametrize("path", ["/feed.xml", "/rss.xml", "/tags/sea/feed.xml"])
def test_feeds_carry_last_modified_of_newest_post(site, client, path):
    response = client.http.get(path)
    assert response.headers["Last-Modified"] == "Tue, 05 Mar 2024 00:00:00 GMT"
    assert "ETag" in response.headers


def test_etag_changes_when_the_page_changes(site, client):
    before = client.http.get("/posts/post-1").headers["ETag"]
    publish(site, "posts/post-1.md", "A new body.\n", title="Post 1 revised",
            date="2024-03-01", tags="[Sea]", categories="[Travel]")
    advance_clock(61)
    after = client.http.get("/posts/post-1")
    assert "Post 1 revised" in after.body.decode("utf-8")
    assert after.headers["ETag"] != before
    assert client.http.get("/posts/post-1", headers={"If-None-Match": before}).status_code == 200


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


def _event(path, query=None):
    return {
        "resource": path, "path": path, "httpMethod": "GET",
        "headers": {"host": "blog.example.org"}, "multiValueHeaders": {},
        "queryStringParameters": query,
        "multiValueQueryStringParameters": {k: [v] for k, v in query.items()} if query else None,
        "pathParameters": None, "stageVariables": None, "body": None,
        "isBase64Encoded": False,
        "requestContext": {"resourcePath": path, "httpMethod": "GET", "path": path,
                           "stage": "api"},
    }


class _Context:
    function_name = "test"
    aws_request_id = "test"

    @staticmethod
    def get_remaining_time_in_millis():
        return 30_000


def test_app_page_cache_stays_within_blog_page_cache_bytes(site, monkeypatch):
    from app import app

    words = [f"word{number}" for number in range(40)]
    for number, word in enumerate(words[:5]):
        publish(site, f"posts/w-{number}.md", f"{' '.join(words)} closing.\n",
                title=f"W {number}", date="2024-02-01")
    monkeypatch.setenv("BLOG_PAGE_CACHE_BYTES", "60000")
    reset()
    sizes = []
    for word in words:
        response = app(_event("/search", {"q": word}), _Context())
        assert response["statusCode"] == 200
        sizes.append(len(response["body"].encode("utf-8")))
        assert page_instance().cache.size_bytes <= 60_000
    assert page_instance().cache.max_bytes == 60_000
    assert sum(sizes) > 3 * 60_000, "the test must overflow the cache several times"
    assert len(page_instance().cache) < len(words)


# -- a post larger than a DynamoDB item -------------------------------------------

def test_post_over_400kb_is_indexed_and_served_whole(blog, client):
    rng = random.Random(11)
    vocabulary = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 11)))
                  for _ in range(20_000)]
    paragraphs = [f"Paragraph {number}: " + " ".join(rng.choices(vocabulary, k=120)) + "."
                  for number in range(1_700)]
    text = "\n\n".join(paragraphs) + "\n\nThe very last words.\n"
    assert len(text.encode("utf-8")) > 1_500_000
    result = publish(blog, "posts/huge.md", text, title="Huge", date="2024-01-01")
    assert result.action == "indexed"
    head = blog.index.head("post", "huge")
    assert head["chunks"] >= 2, "the compressed body spans several items"
    response = client.http.get("/posts/huge")
    assert response.status_code == 200
    body = response.body.decode("utf-8")
    assert len(body) > 1_500_000
    assert "Paragraph 0:" in body and "Paragraph 1699:" in body
    assert "The very last words." in body


# -- changes and scheduled posts reach a warm instance ----------------------------

def test_published_change_shows_after_cache_seconds(site, client, aws_calls):
    assert "Post 6" not in client.http.get("/").body.decode("utf-8")
    publish(site, "posts/post-6.md", "Fresh.\n", title="Post 6", date="2024-03-09")
    aws_calls.clear()
    assert "Post 6" not in client.http.get("/").body.decode("utf-8"), "cached until then"
    assert aws_calls == Counter()
    advance_clock(61)
    assert "Post 6" in client.http.get("/").body.decode("utf-8")


def test_config_push_shows_after_cache_seconds(site, client):
    client.http.get("/")
    push_site(site, {"site": dict(CACHED_SITE["site"], title="Renamed Blog"),
                     "widgets": CACHED_SITE["widgets"]})
    assert "Renamed Blog" not in client.http.get("/").body.decode("utf-8")
    advance_clock(61)
    assert "Renamed Blog" in client.http.get("/").body.decode("utf-8")


def test_scheduled_post_appears_when_due_without_any_write(site, client, aws_calls,
                                                            monkeypatch):
    due = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(hours=1)
    publish(site, "posts/later.md", "Soon.\n", title="Later Post",
            date=due.strftime("%Y-%m-%d %H:%M:%S"))
    assert "Later Post" not in client.http.get("/").body.decode("utf-8")
    assert client.http.get("/posts/later").status_code == 404

    class Later(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.now(tz) + timedelta(hours=1, seconds=1)

    monkeypatch.setattr(runtime_module, "datetime", Later)
    aws_calls.clear()
    home = client.http.get("/").body.decode("utf-8")
    assert "Later Post" in home, "due before cache_seconds ran out: the cache expired"
    assert client.http.get("/posts/later").status_code == 200
    assert set(operations(aws_calls)) <= READS, "nothing was written to make it appear"
    assert not any(name.startswith("s3:") for name in aws_calls)
