"""Widgets: every type in every area, empty areas, bad widgets, sanitising."""
import pytest

from chalicelib.errors import InvalidSiteConfig
from chalicelib.site import SiteConfig, build_config, parse_site_yaml
from tests.helpers import BASE_SITE, publish, push_site

EMPTY = "Your {} area is currently empty. Hurry up and add some widgets."
EVERY_WIDGET = {
    "header-sidebar": [{"type": "search", "title": "Find"},
                       {"type": "text", "title": "Hello", "body": "Welcome to *this* blog."}],
    "sidebar": [{"type": "recent_posts", "title": "Latest", "count": 2},
                {"type": "archives", "title": "By Month"},
                {"type": "categories", "title": "Topics"},
                {"type": "tag_cloud", "title": "Tag Cloud"},
                {"type": "pages", "title": "Pages"}],
    "footer": [{"type": "html", "title": "Say Hi",
                "body": '<p onclick="steal()">Mail <a href="javascript:alert(1)">me</a>'
                        '<script>alert(2)</script> <a href="https://ok.example">ok</a></p>'},
               {"type": "links", "title": "Blogroll",
                "links": [{"title": "Example & Co", "url": "https://example.org"}]},
               {"type": "feed", "title": "Subscribe"}],
}


def site_with(widgets, **settings):
    return {"site": dict(BASE_SITE["site"], **settings), "widgets": widgets}


def test_every_widget_type_renders_in_its_area(corpus, client):
    push_site(corpus, site_with(EVERY_WIDGET))
    body = client.http.get("/").body.decode()
    header, rest = body.split('widget-area-header-sidebar', 1)[1].split("</aside>", 1)
    assert 'action="/search"' in header and "Welcome to <em>this</em> blog." in header
    sidebar = rest.split("widget-area-sidebar", 1)[1].split("</aside>", 1)[0]
    assert '<h2 class="widget-title">Latest</h2>' in sidebar
    assert sidebar.count('<li><a href="/posts/') == 2
    assert 'href="/archive/2026/03">March 2026</a> <span class="count">(2)</span>' in sidebar
    assert 'href="/categories/sky">Sky</a> <span class="count">(3)</span>' in sidebar
    assert 'href="/tags/astronomy" class="tag-size-5"' in sidebar
    assert 'href="/tags/rye" class="tag-size-1"' in sidebar
    assert 'href="/pages/about">About This Blog</a>' in sidebar
    footer = body.split("widget-area-footer", 1)[1]
    assert "steal" not in footer and "javascript:" not in footer and "<script" not in footer
    assert '<a href="https://ok.example" rel="noopener noreferrer">ok</a>' in footer
    assert '<a href="https://example.org">Example &amp; Co</a>' in footer
    assert 'href="/feed.xml"' in footer and 'href="/rss.xml"' in footer


def test_showing_more_recent_posts_takes_effect_at_the_push(corpus, client):
    """The sidebar snapshot keeps only the posts a widget shows; a push takes it again."""
    from chalicelib.wiring import reset

    push_site(corpus, site_with({"sidebar": [{"type": "recent_posts", "count": 1}]}))
    publish(corpus, "posts/newest.md", "Fresh.\n", title="Newest", date="2026-03-30")
    sidebar = client.http.get("/").body.decode().split("widget-area-sidebar", 1)[1]
    assert sidebar.count('<li><a href="/posts/') == 1
    push_site(corpus, site_with({"sidebar": [{"type": "recent_posts", "count": 3}]}))
    reset()
    sidebar = client.http.get("/").body.decode().split("widget-area-sidebar", 1)[1]
    assert sidebar.count('<li><a href="/posts/') == 3


@pytest.mark.parametrize("area, name", [("header-sidebar", "Header Sidebar"),
                                        ("sidebar", "Sidebar"), ("footer", "Footer")])
def test_an_empty_area_says_so_exactly(blog, client, area, name):
    push_site(blog, site_with({}))
    body = client.http.get("/").body.decode()
    assert EMPTY.format(name) in body


def test_empty_areas_render_nothing_when_switched_off(blog, client):
    push_site(blog, site_with({}, show_empty_areas=False))
    body = client.http.get("/").body.decode()
    assert "currently empty" not in body and "widget-area-sidebar" not in body


def test_a_bad_widget_in_storage_is_skipped_and_the_page_renders(blog, client, caplog):
    good = {"type": "links", "title": "Kept", "links": [{"title": "A", "url": "https://a.example"}]}
    config = build_config(site_with({"sidebar": [good]}))
    stored = config.to_json().replace(
        '"sidebar": [', '"sidebar": [{"type": "weather", "title": "Rain"}, '
                        '{"type": "recent_posts", "count": "lots"}, ')
    blog.index.save_site_config(stored)
    response = client.http.get("/")
    assert response.status_code == 200
    body = response.body.decode()
    assert "Kept" in body and "Rain" not in body
    assert "unknown widget type 'weather'" in caplog.text


@pytest.mark.parametrize("widget, problem", [
    ({"type": "weather"}, "unknown widget type 'weather'"),
    ({"type": "recent_posts", "count": 0}, "must be a whole number from 1 to 50"),
    ({"type": "text"}, "text widget needs 'body'"),
    ({"type": "links", "links": [{"title": "x", "url": "javascript:alert(1)"}]}, "url must be"),
    ({"type": "search", "colour": "red"}, "has no setting 'colour'"),
    ("just a string", "must be a mapping"),
])
def test_config_rejects_bad_widgets_with_a_clear_message(widget, problem):
    with pytest.raises(InvalidSiteConfig) as error:
        build_config(site_with({"sidebar": [widget]}))
    assert problem in str(error.value)


def test_site_yaml_problems_name_their_line():
    text = ("site:\n  title: Mine\n  posts_per_page: many\n"
            "widgets:\n  sidebar:\n    - type: recent_posts\n    - type: clock\n")
    with pytest.raises(InvalidSiteConfig) as error:
        parse_site_yaml(text)
    assert error.value.problems == [
        "line 3: site.posts_per_page must be a whole number from 1 to 100",
        "line 7: widgets.sidebar[1]: unknown widget type 'clock' (known: recent_posts, "
        "archives, categories, tag_cloud, search, text, html, links, pages, feed)"]


@pytest.mark.parametrize("raw, problem", [
    ({"widgets": {}}, "the 'site' block is required"),
    ({"site": {"tagline": "x"}}, "site.title is required"),
    ({"site": {"title": "x", "timezone": "Mars/Olympus"}}, "not an IANA timezone"),
    ({"site": {"title": "x", "feed_full_text": "yes"}}, "must be true or false"),
    ({"site": {"title": "x"}, "widgets": {"left": []}}, "unknown widget area 'left'"),
])
def test_settings_validation(raw, problem):
    with pytest.raises(InvalidSiteConfig, match=problem):
        build_config(raw)


def test_defaults_fill_every_unset_setting():
    settings = build_config({"site": {"title": "Only a title"}}).settings
    assert (settings.posts_per_page, settings.cache_seconds, settings.timezone,
            settings.feed_full_text, settings.show_empty_areas) == (10, 60, "UTC", True, True)


def test_unreadable_stored_settings_fall_back_to_defaults():
    assert SiteConfig.from_json("{not json").settings.title == "My Blog"
