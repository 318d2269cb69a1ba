"""Old addresses answer 301: front-matter aliases and WordPress's own URL forms.

Through chalice.test.Client (with the greedy `/{proxy+}` local mode installs)
and as API Gateway delivers them (a Lambda-proxy event into the app).
"""
import time
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest
from chalice import local
from chalice.test import Client

from app import app
from blog_cli.routing import GreedyProxyRouteMatcher
from chalicelib.content import parse_document
from chalicelib.errors import ContentError
from chalicelib.redirects import alias_path
from chalicelib.site import SiteSettings
from chalicelib.wiring import reset
from tests.helpers import (CACHED_SITE, PROJECT, STAGE, gateway_text, operations, proxy_event,
                           publish, push_site)

OLD_PERMALINK = "/2004/11/28/practical-russo-japanese-co-operation/"


@pytest.fixture
def client(aws, monkeypatch):
    """The test client routing `/{proxy+}` at any depth, as API Gateway and local mode do."""
    monkeypatch.setattr(local, "RouteMatcher", GreedyProxyRouteMatcher)
    with Client(app, stage_name=STAGE, project_dir=str(PROJECT)) as test_client:
        yield test_client


@pytest.fixture
def moved(blog):
    """A post and a page with aliases, a draft and a scheduled post that have some too."""
    publish(blog, "posts/russo-japanese.md", "The treaty.\n",
            title="Practical Russo-Japanese Co-operation", date="2004-11-28T17:30:00+02:00",
            aliases=f"['{OLD_PERMALINK}', '/?p=10']")
    publish(blog, "pages/about.md", "Who we are.\n", title="About",
            aliases="['/about/', '/?page_id=30', '/Über-uns/']")
    publish(blog, "posts/unfinished.md", "Not yet.\n", title="Unfinished", draft="true",
            aliases="['/2020/05/01/unfinished/', '/?p=15']")
    later = (datetime.now(timezone.utc) + timedelta(days=30)).strftime("%Y-%m-%d %H:%M")
    publish(blog, "posts/voyage.md", "Soon.\n", title="Voyage", date=later,
            aliases="['/2099/01/01/voyage/', '/?p=18']")
    return blog


def assert_moved(response, location):
    assert response.status_code == 301, response.body[:300]
    assert response.headers["Location"] == location


def assert_themed_404(response):
    assert response.status_code == 404
    assert "Location" not in response.headers
    assert "error404" in response.body.decode("utf-8")


# -- aliases --------------------------------------------------------------------------

def test_an_old_permalink_answers_301_to_the_posts_own_url(moved, client):
    assert_moved(client.http.get(OLD_PERMALINK), "/posts/russo-japanese")


@pytest.mark.parametrize("variant", [
    "/2004/11/28/practical-russo-japanese-co-operation",
    "/2004/11/28/Practical-Russo-Japanese-Co-operation/",
    "/2004/11/28/PRACTICAL-russo-japanese-co-operation",
])
def test_trailing_slash_and_case_are_forgiven(moved, client, variant):
    assert_moved(client.http.get(variant), "/posts/russo-japanese")


def test_a_static_page_alias_answers_301_to_the_page(moved, client):
    assert_moved(client.http.get("/about/"), "/pages/about")
    assert_moved(client.http.get("/%C3%BCber-uns"), "/pages/about")


def test_wordpress_numbered_addresses_redirect_through_their_aliases(moved, client):
    assert_moved(client.http.get("/?p=10"), "/posts/russo-japanese")
    assert_moved(client.http.get("/?page_id=30"), "/pages/about")
    assert_moved(client.http.get("/index.php?p=10"), "/posts/russo-japanese")


@pytest.mark.parametrize("path", ["/2020/05/01/unfinished/", "/?p=15",        # a draft
                                  "/2099/01/01/voyage/", "/?p=18",            # scheduled
                                  "/2001/01/01/never-was/", "/?p=999", "/wp-login.php"])
def test_drafts_scheduled_posts_and_unknown_aliases_get_the_themed_404(moved, client, path):
    assert_themed_404(client.http.get(path))


def test_a_scheduled_posts_alias_redirects_once_its_time_has_come(blog, client):
    soon = datetime.now(timezone.utc) + timedelta(seconds=2)
    publish(blog, "posts/tide.md", "High tide.\n", title="Tide",
            date=soon.strftime("%Y-%m-%dT%H:%M:%S+00:00"), aliases="['/old-tide/']")
    assert_themed_404(client.http.get("/old-tide/"))
    time.sleep(max(0.0, (soon - datetime.now(timezone.utc)).total_seconds()) + 1.1)
    assert_moved(client.http.get("/old-tide/"), "/posts/tide")


def test_a_post_that_becomes_a_draft_stops_redirecting(moved, client):
    assert_moved(client.http.get(OLD_PERMALINK), "/posts/russo-japanese")
    publish(moved, "posts/russo-japanese.md", "The treaty.\n", title="Withdrawn",
            draft="true", aliases=f"['{OLD_PERMALINK}']")
    assert_themed_404(client.http.get(OLD_PERMALINK))


def test_an_alias_dropped_from_front_matter_stops_redirecting(moved, client):
    publish(moved, "posts/russo-japanese.md", "The treaty.\n", title="Treaty",
            aliases="['/?p=10']")
    assert_themed_404(client.http.get(OLD_PERMALINK))
    assert_moved(client.http.get("/?p=10"), "/posts/russo-japanese")


@pytest.mark.parametrize("order", ["new file first", "old file removed first"])
def test_a_renamed_post_keeps_its_aliases_whichever_event_comes_first(moved, client, order):
    text = (moved.store.get("posts/russo-japanese.md").data)
    if order == "new file first":
        publish(moved, "posts/treaty-of-portsmouth.md", text)
        moved.store.delete("posts/russo-japanese.md")
        moved.sync("posts/russo-japanese.md")
    else:
        moved.store.delete("posts/russo-japanese.md")
        moved.sync("posts/russo-japanese.md")
        publish(moved, "posts/treaty-of-portsmouth.md", text)
    assert_moved(client.http.get(OLD_PERMALINK), "/posts/treaty-of-portsmouth")
    assert_moved(client.http.get("/?p=10"), "/posts/treaty-of-portsmouth")


# -- WordPress's own address forms -----------------------------------------------------

@pytest.mark.parametrize("path, location", [
    ("/category/history/", "/categories/history"),
    ("/category/europe/history/", "/categories/history"),
    ("/category/history/feed/", "/categories/history/feed.xml"),
    ("/category/history/page/2/", "/categories/history?page=2"),
    ("/tag/japan/", "/tags/japan"),
    ("/tag/Ports%20%26%20Ships/", "/tags/ports-and-ships"),
    ("/feed/", "/rss.xml"),
    ("/feed/atom/", "/feed.xml"),
    ("/?feed=rss2", "/rss.xml"),
    ("/?feed=atom", "/feed.xml"),
    ("/?s=two+words", "/search?q=two+words"),
    ("/2004/", "/archive/2004"),
    ("/2004/11/", "/archive/2004/11"),
    ("/?m=200411", "/archive/2004/11"),
    ("/page/3/", "/?page=3"),
])
def test_wordpress_address_forms_answer_301(moved, client, path, location):
    assert_moved(client.http.get(path), location)


def test_a_home_page_with_other_query_parameters_is_still_the_home_page(moved, client):
    response = client.http.get("/?utm_source=newsletter")
    assert response.status_code == 200
    assert "Location" not in response.headers


# -- through API Gateway -----------------------------------------------------------------

def test_a_301_travels_through_a_lambda_proxy_event(moved):
    response = app(proxy_event(OLD_PERMALINK), None)
    assert response["statusCode"] == 301
    # Straight on the execute-api host every path sits under the stage name.
    assert response["headers"]["Location"] == "/api/posts/russo-japanese"
    assert response["headers"]["Cache-Control"].startswith("no-cache")  # cache_seconds 0


@pytest.mark.parametrize("query, location", [({"p": "10"}, "/api/posts/russo-japanese"),
                                              ({"s": "treaty"}, "/api/search?q=treaty")])
def test_home_page_query_redirects_travel_through_a_lambda_proxy_event(moved, query,
                                                                       location):
    response = app(proxy_event("/", query, resource="/"), None)
    assert response["statusCode"] == 301
    assert response["headers"]["Location"] == location


def test_a_wordpress_form_through_a_lambda_proxy_event(moved):
    response = app(proxy_event("/category/history/"), None)
    assert response["statusCode"] == 301
    assert response["headers"]["Location"] == "/api/categories/history"


def test_an_unknown_old_address_through_a_lambda_proxy_event_is_the_themed_404(moved):
    response = app(proxy_event("/2001/01/01/never-was/"), None)
    assert response["statusCode"] == 404
    assert "error404" in gateway_text(response)


# -- cost and caching -----------------------------------------------------------------------

def test_an_alias_costs_one_read_and_is_then_cached_like_a_page(moved, client, aws_calls):
    push_site(moved, CACHED_SITE)
    reset()
    aws_calls.clear()
    first = client.http.get(OLD_PERMALINK)
    assert_moved(first, "/posts/russo-japanese")
    assert operations(aws_calls) == {"Query": 1, "GetItem": 1}  # the site, then the alias
    assert first.headers["Cache-Control"].startswith("public, max-age=60")
    aws_calls.clear()
    assert_moved(client.http.get(OLD_PERMALINK), "/posts/russo-japanese")
    assert aws_calls == Counter()


def test_a_wordpress_form_needs_no_read_of_its_own(moved, client, aws_calls):
    reset()
    aws_calls.clear()
    assert_moved(client.http.get("/tag/japan/"), "/tags/japan")
    assert operations(aws_calls) == {"Query": 1}   # the site partition only


# -- the front matter -----------------------------------------------------------------------

SITE = SiteSettings()
NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def test_aliases_are_stored_in_their_normal_form():
    text = "---\naliases: ['/2004/11/28/Old-Post/', '/?p=10', '/%E6%9D%B1/']\n---\nBody\n"
    document = parse_document(text.encode(), "posts/old.md", NOW, SITE)
    assert document.aliases == ["/2004/11/28/old-post", "/?p=10", "/東"]
    assert alias_path("/", {"p": "10"}) == "/?p=10"


@pytest.mark.parametrize("value, problem", [
    ("5", "must be a list of old paths"),
    ("['no-slash']", "must be a path on this site"),
    ("['/with space/']", "must be a path on this site"),
    ("[" + ", ".join(f"'/a{n}'" for n in range(51)) + "]", "too many aliases"),
])
def test_bad_aliases_are_reported_with_their_line(value, problem):
    text = f"---\ntitle: T\naliases: {value}\n---\nBody\n"
    with pytest.raises(ContentError) as raised:
        parse_document(text.encode(), "posts/t.md", NOW, SITE)
    assert problem in str(raised.value)
    assert raised.value.line == 3


def test_blog_check_reports_an_old_address_claimed_by_two_files(tmp_path):
    from blog_cli.checking import check_paths

    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "first.md").write_text("---\naliases: ['/old-post/']\n---\nOne\n")
    (posts / "second.md").write_text("---\ntitle: Two\naliases: [/Old-Post]\n---\nTwo\n")
    (posts / "draft.md").write_text("---\ndraft: true\naliases: ['/old-post']\n---\nThree\n")
    report = check_paths([tmp_path])
    assert report.problems == [f"{posts / 'second.md'}:3: alias '/old-post' is also "
                               f"claimed by {posts / 'first.md'}"]
