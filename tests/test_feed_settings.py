"""Feeds that follow the site settings: summaries, an empty blog, the request host."""
import feedparser

from tests.helpers import BASE_SITE, feed_of, push_site


def test_feeds_carry_summaries_when_full_text_is_off(corpus, client):
    push_site(corpus, {"site": dict(BASE_SITE["site"], feed_full_text=False), "widgets": {}})
    for path in ("/feed.xml", "/rss.xml"):
        _, feed = feed_of(client, path)
        sourdough = next(entry for entry in feed.entries if "Sourdough" in entry.title)
        assert "content" not in sourdough
        assert "Flour and water" in sourdough.summary
        assert "doubled in six hours" not in sourdough.summary


def test_an_empty_blog_still_has_valid_feeds(blog, client):
    for path in ("/feed.xml", "/rss.xml"):
        _, feed = feed_of(client, path)
        assert feed.entries == []


def test_feed_urls_follow_the_request_host_without_a_base_url(corpus, client):
    push_site(corpus, {"site": dict(BASE_SITE["site"], base_url=""), "widgets": {}})
    response = client.http.get("/feed.xml", headers={"Host": "abc123.execute-api.eu-north-1.amazonaws.com"})
    feed = feedparser.parse(response.body)
    assert feed.entries[0].link.startswith("https://abc123.execute-api.eu-north-1.amazonaws.com/")


