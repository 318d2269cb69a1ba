"""Every public route through Chalice's test client, against moto."""
import re
from html import unescape

import pytest

NEWEST_FIRST = ["rye-loaf", "saturn-at-opposition", "sourdough-starter", "winter-hexagon",
                "first-light"]


def html(client, path):
    response = client.http.get(path)
    return response.status_code, response.body.decode("utf-8")


def html_text(fragment):
    """What a reader sees of an HTML fragment."""
    return unescape(re.sub(r"<[^>]+>", "", fragment))


def post_links(body):
    """Slugs of posts shown as summaries (entry titles), in page order."""
    return re.findall(r'<h2 class="entry-title"><a href="/posts/([^"]+)"', body)


def test_home_lists_newest_first_with_summaries_and_pages(corpus, client):
    status, first = html(client, "/")
    assert status == 200
    assert post_links(first) == NEWEST_FIRST[:3]
    assert "Flour and water, every day" in first          # text before <!-- more -->
    assert "doubled in six hours" not in first
    assert 'href="?page=2"' in first and "Newer posts" not in first

    status, second = html(client, "/?page=2")
    assert status == 200 and post_links(second) == NEWEST_FIRST[3:]
    assert 'href="?"' in second and "Older posts" not in second


@pytest.mark.parametrize("path", ["/?page=3", "/?page=0", "/?page=-1", "/?page=abc",
                                  "/?page=99999999999", "/tags/bread?page=2",
                                  "/categories/sky?page=5"])
def test_pages_past_the_end_or_not_numbers_are_404(corpus, client, path):
    status, body = html(client, path)
    assert status == 404 and "can’t be found" in body


def test_post_page_shows_everything_the_contract_lists(corpus, client):
    status, body = html(client, "/posts/saturn-at-opposition")
    assert status == 200
    assert '<p class="site-title"><a href="/" rel="home">Test Blog</a></p>' in body
    crumb = re.search(r'<nav class="breadcrumb".*?</nav>', body, re.S).group(0)
    assert html_text(crumb).split() == ["Blog", ">", "Saturn", "at", "Opposition"]
    assert '<h1 class="entry-title">Saturn at Opposition</h1>' in body
    assert '<time datetime="2026-03-10T22:00:00+00:00">March 10, 2026</time>' in body
    assert "Guest Observer" in body
    assert 'href="/categories/sky" rel="category">Sky</a>' in body
    for tag in ("astronomy", "planets", "telescopes"):
        assert f'href="/tags/{tag}" rel="tag"' in body
    assert "Titan too" in body and '<div class="highlight">' in body
    assert 'href="/posts/sourdough-starter" rel="prev"' in body
    assert 'href="/posts/rye-loaf" rel="next"' in body
    for area in ("header-sidebar", "sidebar", "footer"):
        assert f"widget-area-{area}" in body


def test_first_and_last_posts_have_one_neighbour(corpus, client):
    _, oldest = html(client, "/posts/first-light")
    assert 'rel="next"' in oldest and 'rel="prev"' not in oldest
    _, newest = html(client, "/posts/rye-loaf")
    assert 'rel="prev"' in newest and 'rel="next"' not in newest


def test_head_has_title_description_canonical_and_feeds(corpus, client):
    _, body = html(client, "/posts/winter-hexagon")
    assert "<title>The Winter Hexagon – Test Blog</title>" in body
    assert '<meta name="description" content="Six bright stars, one big shape.">' in body
    assert '<link rel="canonical" href="https://blog.example.org/posts/winter-hexagon">' in body
    assert 'type="application/atom+xml"' in body and 'href="/feed.xml"' in body
    assert 'type="application/rss+xml"' in body and 'href="/rss.xml"' in body


def test_static_page(corpus, client):
    status, body = html(client, "/pages/about")
    assert status == 200 and "<h1 class=\"entry-title\">About This Blog</h1>" in body
    assert "Stars and bread, mostly." in body


def test_tag_and_category_pages_use_slugs_and_paginate(corpus, client):
    status, body = html(client, "/tags/astronomy")
    assert status == 200 and "Tag: Astronomy" in body
    assert post_links(body) == ["saturn-at-opposition", "winter-hexagon", "first-light"]
    assert 'href="/tags/astronomy/feed.xml"' in body

    status, body = html(client, "/categories/kitchen")
    assert status == 200 and "Category: Kitchen" in body
    assert post_links(body) == ["rye-loaf", "sourdough-starter"]

    _, sky = html(client, "/categories/sky")
    assert post_links(sky) == ["saturn-at-opposition", "winter-hexagon", "first-light"]


@pytest.mark.parametrize("path, expected", [
    ("/archive/2026", NEWEST_FIRST[:3]),
    ("/archive/2026?page=2", NEWEST_FIRST[3:]),
    ("/archive/2026/02", ["sourdough-starter", "winter-hexagon"]),
    ("/archive/2026/2", ["sourdough-starter", "winter-hexagon"]),
    ("/archive/2026/01", ["first-light"]),
])
def test_archives_by_year_and_month(corpus, client, path, expected):
    status, body = html(client, path)
    assert status == 200 and post_links(body) == expected


@pytest.mark.parametrize("path", ["/archive/2025", "/archive/2026/04", "/archive/2026/13",
                                  "/archive/20x6", "/archive/2026/00", "/archive/0"])
def test_empty_or_impossible_periods_are_404(corpus, client, path):
    assert html(client, path)[0] == 404


def test_search_matches_every_word_ranked_title_first(corpus, client):
    status, body = html(client, "/search?q=telescope")
    assert status == 200
    assert set(post_links(body)) == {"first-light", "saturn-at-opposition"}  # tag + body
    _, body = html(client, "/search?q=saturn")
    assert post_links(body)[0] == "saturn-at-opposition"   # title beats body text
    assert set(post_links(body)) == {"saturn-at-opposition", "first-light"}
    _, body = html(client, "/search?q=sourdough+rye")
    assert post_links(body) == ["rye-loaf"]                  # every word must match
    _, body = html(client, "/search?q=BREAD")
    assert set(post_links(body)) == {"rye-loaf", "sourdough-starter"}  # tags, any case
    _, body = html(client, "/search?q=zzzz")
    assert post_links(body) == [] and "Nothing matched" in body


def test_search_without_words_shows_the_form(corpus, client):
    for path in ("/search", "/search?q=", "/search?q=the+a"):
        status, body = html(client, path)
        assert status == 200 and 'name="q"' in body and post_links(body) == []


def test_search_paginates(corpus, client):
    _, body = html(client, "/search?q=astronomy")
    assert len(post_links(body)) == 3 and 'href="?q=astronomy&amp;page=2"' not in body
    assert html(client, "/search?q=astronomy&page=2")[0] == 404
    _, body = html(client, "/search?q=sky")
    assert len(post_links(body)) == 3  # a category name is searchable too
    assert html(client, "/search?q=sky&page=2")[0] == 404


def test_robots_and_sitemap(corpus, client):
    robots = client.http.get("/robots.txt")
    assert robots.status_code == 200
    assert "Sitemap: https://blog.example.org/sitemap.xml" in robots.body.decode()
    sitemap = client.http.get("/sitemap.xml").body.decode()
    for slug in NEWEST_FIRST:
        assert f"<loc>https://blog.example.org/posts/{slug}</loc>" in sitemap
    assert "<loc>https://blog.example.org/pages/about</loc>" in sitemap
    assert "<lastmod>2026-03-12T00:00:00Z</lastmod>" in sitemap  # updated wins


@pytest.mark.parametrize("path", ["/posts/missing", "/pages/missing", "/tags/missing",
                                  "/categories/missing", "/tags/missing/feed.xml",
                                  "/categories/missing/feed.xml", "/nothing-here",
                                  "/theme/nothing.css", "/wp-login.php"])
def test_anything_that_names_nothing_gets_the_themed_404(corpus, client, path):
    response = client.http.get(path)
    assert response.status_code == 404
    body = response.body.decode()
    assert "Oops! That page can’t be found." in body and "Missing Authentication" not in body
    assert "widget-area-sidebar" in body



def api_gateway_get(path, host, headers=None):
    """Call the app with the proxy event API Gateway sends for a GET of ``path``."""
    from app import app

    event = {"resource": "/posts/{slug}", "path": path, "httpMethod": "GET",
             "headers": dict({"host": host}, **(headers or {})),
             "multiValueHeaders": {}, "queryStringParameters": None,
             "multiValueQueryStringParameters": None,
             "pathParameters": {"slug": path.rsplit("/", 1)[1]}, "stageVariables": None,
             "requestContext": {"resourcePath": "/posts/{slug}", "httpMethod": "GET",
                                "stage": "api", "path": "/api" + path},
             "body": None, "isBase64Encoded": False}
    return app(event, None)


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
    from tests.helpers import BASE_SITE, push_site

    push_site(corpus, {"site": dict(BASE_SITE["site"], base_url=base_url), "widgets": {}})
    response = api_gateway_get("/posts/rye-loaf", "abc.execute-api.eu-north-1.amazonaws.com",
                               headers)
    assert response["statusCode"] == 200
    assert link in response["body"]
    assert f'<link rel="canonical" href="{canonical}">' in response["body"]


def test_archives_follow_the_site_timezone_across_the_new_year(blog, client):
    from tests.helpers import BASE_SITE, publish, push_site

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
