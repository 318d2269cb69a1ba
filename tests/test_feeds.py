"""Atom and RSS feeds, parsed back with feedparser."""
import feedparser
import pytest

from tests.helpers import BASE_SITE, push_site


def parsed(client, path):
    response = client.http.get(path)
    assert response.status_code == 200
    feed = feedparser.parse(response.body)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.mark.parametrize("path, version, content_type", [
    ("/feed.xml", "atom10", "application/xml"),   # so browsers apply the feed's XSL
    ("/rss.xml", "rss20", "application/xml"),
])
def test_site_feeds_are_valid_newest_first_with_absolute_links(corpus, client, path,
                                                               version, content_type):
    response, feed = parsed(client, path)
    assert feed.version == version
    assert response.headers["Content-Type"].startswith(content_type)
    assert feed.feed.title == "Test Blog"
    links = [entry.link for entry in feed.entries]
    assert links == [f"https://blog.example.org/posts/{slug}" for slug in
                     ("rye-loaf", "saturn-at-opposition", "sourdough-starter",
                      "winter-hexagon", "first-light")]
    saturn = feed.entries[1]
    assert saturn.title == "Saturn at Opposition"
    assert "Titan too" in saturn.content[0].value          # full text by default
    assert {tag.term.lower() for tag in saturn.tags} >= {"astronomy", "planets", "sky"}
    assert response.headers["Last-Modified"] == "Sat, 28 Mar 2026 00:00:00 GMT"


def test_feeds_carry_summaries_when_full_text_is_off(corpus, client):
    push_site(corpus, {"site": dict(BASE_SITE["site"], feed_full_text=False), "widgets": {}})
    for path in ("/feed.xml", "/rss.xml"):
        _, feed = parsed(client, path)
        sourdough = next(entry for entry in feed.entries if "Sourdough" in entry.title)
        assert "content" not in sourdough
        assert "Flour and water" in sourdough.summary
        assert "doubled in six hours" not in sourdough.summary


@pytest.mark.parametrize("path, expected", [
    ("/tags/bread/feed.xml", {"rye-loaf", "sourdough-starter"}),
    ("/categories/sky/feed.xml", {"saturn-at-opposition", "winter-hexagon", "first-light"}),
])
def test_tag_and_category_feeds(corpus, client, path, expected):
    _, feed = parsed(client, path)
    assert {entry.link.rsplit("/", 1)[1] for entry in feed.entries} == expected
    assert any(link.rel == "self" and link.href == f"https://blog.example.org{path}"
               for link in feed.feed.links)


def test_an_empty_blog_still_has_valid_feeds(blog, client):
    for path in ("/feed.xml", "/rss.xml"):
        _, feed = parsed(client, path)
        assert feed.entries == []


def test_feed_urls_follow_the_request_host_without_a_base_url(corpus, client):
    push_site(corpus, {"site": dict(BASE_SITE["site"], base_url=""), "widgets": {}})
    response = client.http.get("/feed.xml", headers={"Host": "abc123.execute-api.eu-north-1.amazonaws.com"})
    feed = feedparser.parse(response.body)
    assert feed.entries[0].link.startswith("https://abc123.execute-api.eu-north-1.amazonaws.com/")


def test_feed_readers_polling_with_if_modified_since_get_304(corpus, client):
    first = client.http.get("/feed.xml")
    modified = first.headers["Last-Modified"]
    again = client.http.get("/feed.xml", headers={"If-Modified-Since": modified})
    assert again.status_code == 304 and again.body == b""
    older = client.http.get("/feed.xml", headers={"If-Modified-Since": "Sun, 01 Mar 2026 00:00:00 GMT"})
    assert older.status_code == 200 and older.body == first.body
    junk = client.http.get("/feed.xml", headers={"If-Modified-Since": "not a date"})
    assert junk.status_code == 200
