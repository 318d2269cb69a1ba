"""Hostile content and AWS failing: themed pages, never a 500 or a traceback."""
import boto3

from tests.helpers import TABLE, publish


def test_markup_in_front_matter_is_escaped_everywhere(blog, client):
    publish(blog, "posts/sneaky.md", "Body text.\n",
            title='"<img src=x onerror=alert(1)>"', tags='"<b>bold</b>"', date="2026-01-01")
    for path in ("/", "/posts/sneaky", "/feed.xml"):
        body = client.http.get(path).body.decode()
        assert "<img src=x onerror" not in body and "<b>bold</b>" not in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in client.http.get("/posts/sneaky").body.decode()


def test_storage_failure_gets_the_themed_error_page_not_a_500(corpus, client):
    boto3.client("dynamodb").delete_table(TableName=TABLE)
    response = client.http.get("/posts/rye-loaf-is-not-cached")
    assert response.status_code == 503
    body = response.body.decode()
    assert "temporarily unavailable" in body and "Traceback (most recent" not in body
    assert response.headers["Cache-Control"] == "no-store"


def test_a_cached_page_survives_a_storage_outage_within_cache_seconds(corpus, client):
    from tests.helpers import BASE_SITE, push_site

    push_site(corpus, {"site": dict(BASE_SITE["site"], cache_seconds=300), "widgets": {}})
    assert client.http.get("/posts/rye-loaf").status_code == 200
    boto3.client("dynamodb").delete_table(TableName=TABLE)
    response = client.http.get("/posts/rye-loaf")
    assert response.status_code == 200 and "A Dense Rye Loaf" in response.body.decode()
