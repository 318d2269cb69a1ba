"""Hostile URLs and content, and AWS failing: themed pages, never a 500 or a traceback."""
import boto3
import pytest

from tests.helpers import TABLE, publish


@pytest.mark.parametrize("path", [
    "/posts/..%2F..%2Fetc%2Fpasswd", "/posts/%2e%2e", "/posts/..", "/pages/..%2Fposts%2Frye-loaf",
    "/posts/rye-loaf%00", "/tags/%3Cscript%3E", "/categories/..%2F..", "/archive/9999999999",
    "/archive/2026/%2e%2e", "/posts/" + "a" * 3000, "/posts/%F0%9F%98%80",
])
def test_traversal_and_junk_in_paths_get_the_themed_404(corpus, client, path):
    response = client.http.get(path)
    assert response.status_code == 404
    body = response.body.decode()
    assert "can’t be found" in body and "Traceback (most recent" not in body and "root:" not in body


def test_script_in_the_search_query_is_shown_back_escaped(corpus, client):
    response = client.http.get("/search?q=%3Cscript%3Ealert(1)%3C/script%3E+saturn")
    body = response.body.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; saturn" in body


def test_an_absurdly_long_query_is_cut_not_crashed(corpus, client):
    response = client.http.get("/search?q=" + "saturn+" * 2000)
    assert response.status_code == 200 and "Saturn at Opposition" in response.body.decode()


def test_markup_in_front_matter_is_escaped_everywhere(blog, client):
    publish(blog, "posts/sneaky.md", "Body text.\n",
            title='"<img src=x onerror=alert(1)>"', tags='"<b>bold</b>"', date="2026-01-01")
    for path in ("/", "/posts/sneaky", "/feed.xml"):
        body = client.http.get(path).body.decode()
        assert "<img src=x onerror" not in body and "<b>bold</b>" not in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in client.http.get("/posts/sneaky").body.decode()


def test_unknown_methods_are_refused_and_nothing_is_writable(corpus, client):
    for method in ("post", "put", "delete"):
        response = getattr(client.http, method)("/posts/rye-loaf", body=b"x")
        assert response.status_code in (403, 405)
    assert client.http.get("/posts/rye-loaf").status_code == 200


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
