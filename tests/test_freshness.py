"""How changes reach a warm instance: after cache_seconds, on time, and in the cache.

Each test writes, so each gets a blog of its own (tests/test_performance.py
shares one read-only site instead).
"""
import random
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest

import chalicelib.runtime as runtime_module
from chalicelib.limits import MAX_SOURCE_BYTES
from chalicelib.wiring import page_instance, reset
from tests.helpers import (CACHED_SITE, READS, advance_clock, gateway_body, operations, publish,
                           publish_small_site, push_site)


@pytest.fixture
def site(blog):
    """The small site, published for this test alone, on a cold instance."""
    publish_small_site(blog)
    reset()
    return blog


def test_a_repeated_404_is_served_from_the_cache_until_the_site_changes(site, client,
                                                                         aws_calls):
    assert client.http.get("/posts/coming-soon").status_code == 404
    aws_calls.clear()
    assert client.http.get("/posts/coming-soon").status_code == 404
    assert aws_calls == Counter(), "bots probing the same path cost nothing"
    publish(site, "posts/coming-soon.md", "Here now.\n", title="Coming Soon", date="2024-04-01")
    advance_clock(61)
    assert client.http.get("/posts/coming-soon").status_code == 200


def test_cache_seconds_zero_means_no_cache(blog, client):
    publish(blog, "posts/one.md", "Text.\n", title="One", date="2024-01-01")
    response = client.http.get("/posts/one")
    assert response.headers["Cache-Control"] == "no-cache"


def test_etag_changes_when_the_page_changes(site, client):
    before = client.http.get("/posts/post-1").headers["ETag"]
    publish(site, "posts/post-1.md", "A new body.\n", title="Post 1 revised",
            date="2024-03-01", tags="[Sea]", categories="[Travel]")
    advance_clock(61)
    after = client.http.get("/posts/post-1")
    assert "Post 1 revised" in after.body.decode("utf-8")
    assert after.headers["ETag"] != before
    assert client.http.get("/posts/post-1", headers={"If-None-Match": before}).status_code == 200


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
        sizes.append(len(gateway_body(response)))
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
                  for number in range(1_000)]
    text = "\n\n".join(paragraphs) + "\n\nThe very last words.\n"
    assert 900_000 < len(text.encode("utf-8")) <= MAX_SOURCE_BYTES
    result = publish(blog, "posts/huge.md", text, title="Huge", date="2024-01-01")
    assert result.action == "indexed"
    head = blog.index.head("post", "huge")
    assert head["chunks"] >= 2, "the compressed body spans several items"
    response = client.http.get("/posts/huge")
    assert response.status_code == 200
    body = response.body.decode("utf-8")
    assert len(body) > 900_000
    assert "Paragraph 0:" in body and "Paragraph 999:" in body
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
