"""What a page tells link previews, search engines and browsers: Open Graph,
JSON-LD, canonical URLs, the header menu, the served theme files, the feeds' XSL."""
import json
import re
from html import unescape

import pytest
from lxml import etree

from chalicelib.errors import InvalidSiteConfig
from chalicelib.render import json_ld
from chalicelib.site import build_config
from tests.helpers import BASE_SITE, publish, push_site


def page(client, path):
    response = client.http.get(path)
    return response, response.body.decode("utf-8")


def meta(body, name):
    """The content of <meta property|name=name>, unescaped, or None."""
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', body)
    return unescape(found.group(1)) if found else None


def json_ld_items(body):
    return [json.loads(text) for text in
            re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)]


@pytest.mark.parametrize("path", ["/", "/?page=2", "/posts/saturn-at-opposition",
                                  "/pages/about", "/tags/astronomy", "/categories/sky",
                                  "/archive/2026", "/search?q=saturn", "/no-such-page"])
def test_every_page_carries_open_graph_and_a_twitter_card(corpus, client, path):
    _, body = page(client, path)
    for name in ("og:title", "og:type", "og:url", "og:description", "og:site_name",
                 "twitter:card"):
        assert meta(body, name), f"{name} missing on {path}"
    assert meta(body, "og:site_name") == "Test Blog"
    assert meta(body, "og:url").startswith("https://blog.example.org/")


def test_a_post_is_an_article_with_blogposting_and_breadcrumb_json_ld(corpus, client):
    _, body = page(client, "/posts/saturn-at-opposition")
    assert meta(body, "og:type") == "article"
    assert meta(body, "og:title") == "Saturn at Opposition"
    assert meta(body, "og:url") == "https://blog.example.org/posts/saturn-at-opposition"
    assert '<link rel="canonical" href="https://blog.example.org/posts/saturn-at-opposition">' \
        in body
    posting, crumbs = json_ld_items(body)
    assert posting["@type"] == "BlogPosting"
    assert posting["headline"] == "Saturn at Opposition"
    assert posting["datePublished"] == "2026-03-10T22:00:00+00:00"
    assert posting["dateModified"] and posting["author"]["name"] == "Guest Observer"
    assert {word.lower() for word in posting["keywords"]} >= {"astronomy", "planets", "telescopes"}
    assert [item["name"] for item in crumbs["itemListElement"]] == ["Blog",
                                                                    "Saturn at Opposition"]
    assert crumbs["itemListElement"][1]["item"] == posting["url"]


def test_the_home_page_describes_the_website_and_its_search(corpus, client):
    _, body = page(client, "/")
    [site] = json_ld_items(body)
    assert site["@type"] == "WebSite" and site["name"] == "Test Blog"
    target = site["potentialAction"]["target"]["urlTemplate"]
    assert target == "https://blog.example.org/search?q={search_term_string}"
    assert meta(body, "og:type") == "website"


def test_json_ld_cannot_be_broken_out_of_by_a_title(corpus, client):
    publish(corpus, "posts/breakout.md", "Body.\n",
            title='"</script><script>alert(1)</script> & <!--"', date="2026-01-02")
    _, body = page(client, "/posts/breakout")
    assert "</script><script>alert(1)" not in body
    posting = json_ld_items(body)[0]
    assert posting["headline"] == "</script><script>alert(1)</script> & <!--"


def test_json_ld_escapes_every_character_that_could_end_its_element():
    text = str(json_ld({"x": "</script>&<!--\u2028"}))
    assert not set(text) & {"<", ">", "&", "\u2028"}
    assert json.loads(text) == {"x": "</script>&<!--\u2028"}


def test_search_results_are_noindex_and_listings_have_canonical_urls_with_their_page(
        corpus, client):
    _, results = page(client, "/search?q=saturn")
    assert '<meta name="robots" content="noindex">' in results
    _, second = page(client, "/?page=2")
    assert '<link rel="canonical" href="https://blog.example.org/?page=2">' in second
    _, tag = page(client, "/tags/astronomy")
    assert '<link rel="canonical" href="https://blog.example.org/tags/astronomy">' in tag
    assert '<meta name="robots"' not in tag


def menu_links(body):
    nav = re.search(r'<nav class="site-nav" aria-label="Menu">(.*?)</nav>', body, re.S)
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav.group(1)) if nav else []


def test_without_a_menu_setting_the_header_lists_the_static_pages(corpus, client):
    _, body = page(client, "/posts/saturn-at-opposition")
    assert menu_links(body) == [("/pages/about", "About This Blog")]
    _, about = page(client, "/pages/about")
    assert '<a href="/pages/about" aria-current="page">' in about


def test_the_menu_setting_replaces_the_default_links(corpus, client):
    push_site(corpus, dict(BASE_SITE, menu=[{"title": "Start", "url": "/"},
                                            {"title": "Elsewhere", "url": "https://example.org/x"}]))
    _, body = page(client, "/tags/astronomy")
    assert menu_links(body) == [("/", "Start"), ("https://example.org/x", "Elsewhere")]


@pytest.mark.parametrize("menu, problem", [
    ("About", "'menu' must be a list"),
    ([{"title": "About"}], "menu[0] url must start with"),
    ([{"url": "/pages/about"}], "menu[0] needs a title"),
    ([{"title": "Evil", "url": "javascript:alert(1)"}], "menu[0] url must start with"),
    ([{"title": "Away", "url": "//evil.example"}], "menu[0] url must start with"),
    ([{"title": "A", "url": "/a", "icon": "x"}], "menu[0] must be a mapping"),
])
def test_config_push_rejects_a_bad_menu_with_a_clear_message(menu, problem):
    with pytest.raises(InvalidSiteConfig) as raised:
        build_config(dict(BASE_SITE, menu=menu))
    assert any(problem in message for message in raised.value.problems), raised.value.problems


def test_a_valid_menu_round_trips_through_storage():
    config = build_config(dict(BASE_SITE, menu=[{"title": "About", "url": "/pages/about"}]))
    stored = type(config).from_json(config.to_json())
    assert stored.menu == [{"title": "About", "url": "/pages/about"}]
    assert type(config).from_json(build_config(BASE_SITE).to_json()).menu is None


def theme_file(body, rel):
    return re.search(rf'<link rel="{rel}" href="([^"]+)"', body).group(1)


def test_pages_link_a_hashed_stylesheet_and_icon_served_for_a_year(corpus, client):
    _, body = page(client, "/")
    assert "<style" not in body and "style=" not in body
    stylesheet, icon = theme_file(body, "stylesheet"), theme_file(body, "icon")
    assert re.fullmatch(r"/theme/style\.[0-9a-f]{12}\.css", stylesheet)
    css = client.http.get(stylesheet)
    assert css.status_code == 200 and css.headers["Content-Type"].startswith("text/css")
    assert "max-age=31536000" in css.headers["Cache-Control"]
    assert b"prefers-color-scheme: dark" in css.body and b".highlight .k" in css.body
    svg = client.http.get(icon)
    assert svg.headers["Content-Type"] == "image/svg+xml" and svg.body.startswith(b"<svg")
    again = client.http.get(stylesheet, headers={"If-None-Match": css.headers["ETag"]})
    assert again.status_code == 304


def test_an_old_stylesheet_address_still_styles_but_only_briefly(client):
    response = client.http.get("/theme/style.000000000000.css")
    assert response.status_code == 200 and "max-age=300" in response.headers["Cache-Control"]


def test_the_favicon_is_served_so_browsers_log_no_404(client):
    response = client.http.get("/favicon.ico")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "image/svg+xml"


@pytest.mark.parametrize("path", ["/feed.xml", "/rss.xml", "/tags/astronomy/feed.xml"])
def test_feeds_name_an_xsl_that_browsers_turn_into_a_subscribe_page(corpus, client, path):
    feed = client.http.get(path)
    instruction = re.search(rb'<\?xml-stylesheet type="text/xsl" href="([^"]+)"\?>', feed.body)
    assert instruction, feed.body[:200]
    xsl = client.http.get(instruction.group(1).decode())
    assert xsl.status_code == 200 and xsl.headers["Content-Type"].startswith("text/xsl")
    transform = etree.XSLT(etree.fromstring(xsl.body))
    shown = str(transform(etree.fromstring(feed.body)))
    assert "Subscribe to Test Blog" in shown and "feed reader" in shown
    assert "Saturn at Opposition" in shown
    assert re.search(r'<link rel="stylesheet" href="/theme/style\.[0-9a-f]{12}\.css"', shown)
