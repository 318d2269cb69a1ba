"""Atom and RSS feeds, parsed back with feedparser."""
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

import pytest

from tests.helpers import feed_of

@pytest.mark.parametrize("path, version, content_type", [
    ("/feed.xml", "atom10", "application/xml"),   # so browsers apply the feed's XSL
    ("/rss.xml", "rss20", "application/xml"),
])
def test_site_feeds_are_valid_newest_first_with_absolute_links(reader, path,
                                                               version, content_type):
    response, feed = feed_of(reader, path)
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
    # The newest change: never before the newest post (edits move it later still).
    assert parsedate_to_datetime(response.headers["Last-Modified"]) >= datetime(
        2026, 3, 28, tzinfo=timezone.utc)


@pytest.mark.parametrize("path, expected", [
    ("/tags/bread/feed.xml", {"rye-loaf", "sourdough-starter"}),
    ("/categories/sky/feed.xml", {"saturn-at-opposition", "winter-hexagon", "first-light"}),
])
def test_tag_and_category_feeds(reader, path, expected):
    _, feed = feed_of(reader, path)
    assert {entry.link.rsplit("/", 1)[1] for entry in feed.entries} == expected
    assert any(link.rel == "self" and link.href == f"https://blog.example.org{path}"
               for link in feed.feed.links)


def test_feed_readers_polling_with_if_modified_since_get_304(reader):
    first = reader.http.get("/feed.xml")
    modified = first.headers["Last-Modified"]
    again = reader.http.get("/feed.xml", headers={"If-Modified-Since": modified})
    assert again.status_code == 304 and again.body == b""
    older = reader.http.get("/feed.xml", headers={"If-Modified-Since": "Sun, 01 Mar 2026 00:00:00 GMT"})
    assert older.status_code == 200 and older.body == first.body
    junk = reader.http.get("/feed.xml", headers={"If-Modified-Since": "not a date"})
    assert junk.status_code == 200
