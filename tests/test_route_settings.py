"""Routes whose answers follow the site settings: links, base_url, timezone."""
import pytest

from tests.helpers import (BASE_SITE, api_gateway_get, gateway_text, html, post_links, publish,
                           push_site)


@pytest.mark.parametrize("base_url, headers, link, canonical", [
    ("", {}, 'href="/api/posts/saturn-at-opposition"',
     "https://abc.execute-api.eu-north-1.amazonaws.com/api/posts/rye-loaf"),
    ("", {"x-amz-cf-id": "from-cloudfront"}, 'href="/posts/saturn-at-opposition"',
     "https://abc.execute-api.eu-north-1.amazonaws.com/posts/rye-loaf"),
    ("https://blog.example.org", {}, 'href="/api/posts/saturn-at-opposition"',
     "https://blog.example.org/posts/rye-loaf"),
    ("https://blog.example.org", {"x-amz-cf-id": "from-cloudfront"},
     'href="/posts/saturn-at-opposition"', "https://blog.example.org/posts/rye-loaf"),
    ("https://example.org/blog", {"x-amz-cf-id": "from-cloudfront"},
     'href="/blog/posts/saturn-at-opposition"', "https://example.org/blog/posts/rye-loaf"),
])
def test_links_keep_the_stage_on_the_api_host_and_absolute_urls_follow_base_url(corpus, monkeypatch, base_url,
                                                              headers, link, canonical):
    push_site(corpus, {"site": dict(BASE_SITE["site"], base_url=base_url), "widgets": {}})
    response = api_gateway_get("/posts/rye-loaf", "abc.execute-api.eu-north-1.amazonaws.com",
                               headers)
    assert response["statusCode"] == 200
    assert link in gateway_text(response)
    assert f'<link rel="canonical" href="{canonical}">' in gateway_text(response)


def test_archives_follow_the_site_timezone_across_the_new_year(blog, client):
    push_site(blog, {"site": dict(BASE_SITE["site"], timezone="Europe/Stockholm"),
                     "widgets": {}})
    publish(blog, "posts/last-of-the-year.md", "Body.\n", title="Last",
            date="2025-12-31 23:30")
    # 00:30 in Stockholm on New Year's Day is still 2025 in UTC.
    publish(blog, "posts/first-of-the-year.md", "Body.\n", title="First",
            date="2026-01-01 00:30")
    assert post_links(html(client, "/archive/2025/12")[1]) == ["last-of-the-year"]
    assert post_links(html(client, "/archive/2025")[1]) == ["last-of-the-year"]
    assert post_links(html(client, "/archive/2026/01")[1]) == ["first-of-the-year"]
    assert post_links(html(client, "/archive/2026")[1]) == ["first-of-the-year"]
    from datetime import datetime, timezone

    months = blog.index.sidebar({}, datetime.now(timezone.utc), 0).months
    assert months == [(2026, 1, 1), (2025, 12, 1)]  # the archives widget agrees
