"""Every public route through Chalice's test client, against moto."""
import re

import pytest

from tests.helpers import html, html_text, post_links

NEWEST_FIRST = ["rye-loaf", "saturn-at-opposition", "sourdough-starter", "winter-hexagon",
                "first-light"]


def test_home_lists_newest_first_with_summaries_and_pages(reader):
    status, first = html(reader, "/")
    assert status == 200
    assert post_links(first) == NEWEST_FIRST[:3]
    assert "Flour and water, every day" in first          # text before <!-- more -->
    assert "doubled in six hours" not in first
    assert 'href="?page=2"' in first and "Newer posts" not in first

    status, second = html(reader, "/?page=2")
    assert status == 200 and post_links(second) == NEWEST_FIRST[3:]
    assert 'href="?"' in second and "Older posts" not in second


@pytest.mark.parametrize("path", ["/?page=3", "/?page=0", "/?page=-1", "/?page=abc",
                                  "/?page=99999999999", "/tags/bread?page=2",
                                  "/categories/sky?page=5"])
def test_pages_past_the_end_or_not_numbers_are_404(reader, path):
    status, body = html(reader, path)
    assert status == 404 and "can’t be found" in body


def test_post_page_shows_everything_the_contract_lists(reader):
    status, body = html(reader, "/posts/saturn-at-opposition")
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


def test_first_and_last_posts_have_one_neighbour(reader):
    _, oldest = html(reader, "/posts/first-light")
    assert 'rel="next"' in oldest and 'rel="prev"' not in oldest
    _, newest = html(reader, "/posts/rye-loaf")
    assert 'rel="prev"' in newest and 'rel="next"' not in newest


def test_head_has_title_description_canonical_and_feeds(reader):
    _, body = html(reader, "/posts/winter-hexagon")
    assert "<title>The Winter Hexagon – Test Blog</title>" in body
    assert '<meta name="description" content="Six bright stars, one big shape.">' in body
    assert '<link rel="canonical" href="https://blog.example.org/posts/winter-hexagon">' in body
    assert 'type="application/atom+xml"' in body and 'href="/feed.xml"' in body
    assert 'type="application/rss+xml"' in body and 'href="/rss.xml"' in body


def test_static_page(reader):
    status, body = html(reader, "/pages/about")
    assert status == 200 and "<h1 class=\"entry-title\">About This Blog</h1>" in body
    assert "Stars and bread, mostly." in body


def test_tag_and_category_pages_use_slugs_and_paginate(reader):
    status, body = html(reader, "/tags/astronomy")
    assert status == 200 and "Tag: Astronomy" in body
    assert post_links(body) == ["saturn-at-opposition", "winter-hexagon", "first-light"]
    assert 'href="/tags/astronomy/feed.xml"' in body

    status, body = html(reader, "/categories/kitchen")
    assert status == 200 and "Category: Kitchen" in body
    assert post_links(body) == ["rye-loaf", "sourdough-starter"]

    _, sky = html(reader, "/categories/sky")
    assert post_links(sky) == ["saturn-at-opposition", "winter-hexagon", "first-light"]


@pytest.mark.parametrize("path, expected", [
    ("/archive/2026", NEWEST_FIRST[:3]),
    ("/archive/2026?page=2", NEWEST_FIRST[3:]),
    ("/archive/2026/02", ["sourdough-starter", "winter-hexagon"]),
    ("/archive/2026/2", ["sourdough-starter", "winter-hexagon"]),
    ("/archive/2026/01", ["first-light"]),
])
def test_archives_by_year_and_month(reader, path, expected):
    status, body = html(reader, path)
    assert status == 200 and post_links(body) == expected


@pytest.mark.parametrize("path", ["/archive/2025", "/archive/2026/04", "/archive/2026/13",
                                  "/archive/20x6", "/archive/2026/00", "/archive/0"])
def test_empty_or_impossible_periods_are_404(reader, path):
    assert html(reader, path)[0] == 404


def test_search_matches_every_word_ranked_title_first(reader):
    status, body = html(reader, "/search?q=telescope")
    assert status == 200
    assert set(post_links(body)) == {"first-light", "saturn-at-opposition"}  # tag + body
    _, body = html(reader, "/search?q=saturn")
    assert post_links(body)[0] == "saturn-at-opposition"   # title beats body text
    assert set(post_links(body)) == {"saturn-at-opposition", "first-light"}
    _, body = html(reader, "/search?q=sourdough+rye")
    assert post_links(body) == ["rye-loaf"]                  # every word must match
    _, body = html(reader, "/search?q=BREAD")
    assert set(post_links(body)) == {"rye-loaf", "sourdough-starter"}  # tags, any case
    _, body = html(reader, "/search?q=zzzz")
    assert post_links(body) == [] and "Nothing matched" in body


def test_search_without_words_shows_the_form(reader):
    for path in ("/search", "/search?q=", "/search?q=the+a"):
        status, body = html(reader, path)
        assert status == 200 and 'name="q"' in body and post_links(body) == []


def test_search_paginates(reader):
    _, body = html(reader, "/search?q=astronomy")
    assert len(post_links(body)) == 3 and 'href="?q=astronomy&amp;page=2"' not in body
    assert html(reader, "/search?q=astronomy&page=2")[0] == 404
    _, body = html(reader, "/search?q=sky")
    assert len(post_links(body)) == 3  # a category name is searchable too
    assert html(reader, "/search?q=sky&page=2")[0] == 404


def test_robots_and_sitemap(reader):
    robots = reader.http.get("/robots.txt")
    assert robots.status_code == 200
    assert "Sitemap: https://blog.example.org/sitemap.xml" in robots.body.decode()
    sitemap = reader.http.get("/sitemap.xml").body.decode()
    for slug in NEWEST_FIRST:
        assert f"<loc>https://blog.example.org/posts/{slug}</loc>" in sitemap
    assert "<loc>https://blog.example.org/pages/about</loc>" in sitemap
    assert "<lastmod>2026-03-12T00:00:00Z</lastmod>" in sitemap  # updated wins


@pytest.mark.parametrize("path", ["/posts/missing", "/pages/missing", "/tags/missing",
                                  "/categories/missing", "/tags/missing/feed.xml",
                                  "/categories/missing/feed.xml", "/nothing-here",
                                  "/theme/nothing.css", "/wp-login.php"])
def test_anything_that_names_nothing_gets_the_themed_404(reader, path):
    response = reader.http.get(path)
    assert response.status_code == 404
    body = response.body.decode()
    assert "Oops! That page can’t be found." in body and "Missing Authentication" not in body
    assert "widget-area-sidebar" in body
