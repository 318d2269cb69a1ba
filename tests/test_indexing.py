"""The S3 event handler: create, update, delete, replays, out of order, broken updates."""
import time
from datetime import datetime, timedelta, timezone

import boto3
import pytest

from tests.helpers import BUCKET, publish

POST = ("---\ntitle: Zebra Crossing Notes\ndate: 2026-04-05 10:00\ntags: Stripes, Walking\n"
        "categories: Field Notes\n---\nA post about zebras and quagga crossings.\n")


def upload(key, text):
    body = text.encode("utf-8") if isinstance(text, str) else text
    boto3.client("s3").put_object(Bucket=BUCKET, Key=key, Body=body)


def delete(key):
    boto3.client("s3").delete_object(Bucket=BUCKET, Key=key)


def notify(client, key, event_name="ObjectCreated:Put"):
    """Deliver an S3 event to on_content_change as Lambda would."""
    event = client.events.generate_s3_event(bucket=BUCKET, key=key, event_name=event_name)
    return client.lambda_.invoke("on_content_change", event)


def where_visible(client, slug="zebra-crossing", title="Zebra Crossing Notes"):
    """Every place the contract says a published post shows, and whether it does."""
    def shows(path):
        response = client.http.get(path)
        return response.status_code == 200 and title in response.body.decode()

    def linked(path):
        response = client.http.get(path)
        return f"/posts/{slug}" in response.body.decode()

    return {
        "home": shows("/"),
        "post": shows(f"/posts/{slug}"),
        "tag": shows("/tags/stripes"),
        "category": shows("/categories/field-notes"),
        "year": shows("/archive/2026"),
        "month": shows("/archive/2026/04"),
        "search": shows("/search?q=quagga"),
        "atom": linked("/feed.xml"),
        "rss": linked("/rss.xml"),
        "tag feed": linked("/tags/stripes/feed.xml"),
        "sitemap": linked("/sitemap.xml"),
    }


def test_an_uploaded_post_appears_everywhere_and_leaves_when_deleted(blog, client):
    upload("posts/zebra-crossing.md", POST)
    assert not any(where_visible(client).values())  # no event yet: nothing shows

    notify(client, "posts/zebra-crossing.md")
    assert where_visible(client) == dict.fromkeys(where_visible(client), True)

    delete("posts/zebra-crossing.md")
    notify(client, "posts/zebra-crossing.md", "ObjectRemoved:Delete")
    assert not any(where_visible(client).values())
    assert client.http.get("/posts/zebra-crossing").status_code == 404
    assert client.http.get("/tags/stripes").status_code == 404


def test_an_update_moves_the_post_between_tags_and_counts(blog, client):
    upload("posts/zebra-crossing.md", POST)
    notify(client, "posts/zebra-crossing.md")
    upload("posts/zebra-crossing.md", POST.replace("Stripes, Walking", "Horses")
           .replace("Zebra Crossing Notes", "Horse Notes"))
    notify(client, "posts/zebra-crossing.md")

    assert client.http.get("/tags/stripes").status_code == 404
    horses = client.http.get("/tags/horses").body.decode()
    assert "Horse Notes" in horses and "Zebra Crossing Notes" not in horses
    assert "Horse Notes" in client.http.get("/posts/zebra-crossing").body.decode()
    sidebar = blog.index.sidebar({}, datetime.now(timezone.utc), 0)
    assert [(name, count) for name, _, count in sidebar.tags] == [("Horses", 1)]
    assert [(year, month, count) for year, month, count in sidebar.months] == [(2026, 4, 1)]


def test_a_repeated_event_changes_nothing(blog, client):
    upload("posts/zebra-crossing.md", POST)
    for _ in range(3):
        notify(client, "posts/zebra-crossing.md")
    sidebar = blog.index.sidebar({}, datetime.now(timezone.utc), 0)
    assert [count for _, _, count in sidebar.tags] == [1, 1]
    assert [count for _, _, count in sidebar.categories] == [1]
    assert blog.index.site_state()["total"] == 1


def test_a_late_delete_event_for_a_recreated_object_keeps_the_post(blog, client):
    upload("posts/zebra-crossing.md", POST)
    notify(client, "posts/zebra-crossing.md")
    # The object was deleted and re-created; the delete event arrives last.
    notify(client, "posts/zebra-crossing.md", "ObjectRemoved:Delete")
    assert where_visible(client)["post"]


def test_a_late_create_event_for_a_deleted_object_removes_the_post(blog, client):
    upload("posts/zebra-crossing.md", POST)
    notify(client, "posts/zebra-crossing.md")
    delete("posts/zebra-crossing.md")
    notify(client, "posts/zebra-crossing.md", "ObjectCreated:Put")  # stale create
    assert not any(where_visible(client).values())


def test_a_broken_update_keeps_the_last_good_version_and_records_why(blog, client):
    upload("posts/zebra-crossing.md", POST)
    notify(client, "posts/zebra-crossing.md")
    upload("posts/zebra-crossing.md", "---\ntitle: [broken\n---\nNew body\n")
    notify(client, "posts/zebra-crossing.md")

    page = client.http.get("/posts/zebra-crossing")
    assert page.status_code == 200 and "quagga" in page.body.decode()
    errors = blog.index.errors()
    assert [error["sk"] for error in errors] == ["posts/zebra-crossing.md"]
    assert "front matter does not parse" in errors[0]["reason"]

    upload("posts/zebra-crossing.md", POST.replace("quagga", "okapi"))
    notify(client, "posts/zebra-crossing.md")
    assert "okapi" in client.http.get("/posts/zebra-crossing").body.decode()
    assert blog.index.errors() == []


@pytest.mark.parametrize("key, body", [
    ("posts/binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe"),
    ("posts/picture.png", b"\x89PNG\r\n"),
    ("posts/notes.txt", b"plain text"),
])
def test_what_is_not_a_post_is_never_served_and_is_recorded(blog, client, key, body):
    upload(key, body)
    notify(client, key)
    assert [error["sk"] for error in blog.index.errors()] == [key]
    assert client.http.get("/").status_code == 200
    assert "/posts/binary" not in client.http.get("/").body.decode()
    assert client.http.get("/posts/binary").status_code == 404


def test_objects_outside_the_content_prefixes_are_ignored(blog, client):
    upload("images/cat.jpg", b"\xff\xd8")
    notify(client, "images/cat.jpg")
    assert blog.index.errors() == []


def test_a_draft_is_never_visible_and_unpublishing_removes_the_post(blog, client):
    upload("posts/zebra-crossing.md", POST.replace("---\ntitle", "---\ndraft: true\ntitle"))
    notify(client, "posts/zebra-crossing.md")
    assert not any(where_visible(client).values())

    upload("posts/zebra-crossing.md", POST)
    notify(client, "posts/zebra-crossing.md")
    assert all(where_visible(client).values())

    upload("posts/zebra-crossing.md", POST.replace("---\ntitle", "---\nstatus: draft\ntitle"))
    notify(client, "posts/zebra-crossing.md")
    assert not any(where_visible(client).values())
    assert blog.index.sidebar({}, datetime.now(timezone.utc), 0).tags == []


def test_a_scheduled_post_stays_hidden_until_its_moment_then_appears_unaided(blog, client):
    publish(blog, "posts/old-news.md", "Older post.\n", title="Old News", date="2026-01-01")
    soon = datetime.now(timezone.utc) + timedelta(seconds=6)  # room for a loaded machine
    upload("posts/zebra-crossing.md", POST.replace(
        "2026-04-05 10:00", soon.strftime("%Y-%m-%dT%H:%M:%S+00:00")))
    notify(client, "posts/zebra-crossing.md")

    hidden = where_visible(client)
    assert not any(hidden.values()), hidden
    state = blog.index.site_state()
    counts = blog.index.sidebar(state["scheduled"], datetime.now(timezone.utc), 0)
    assert counts.tags == [] and counts.months == [(2026, 1, 1)]  # not even in counts

    time.sleep(max(0.0, (soon - datetime.now(timezone.utc)).total_seconds()) + 1.1)
    # No upload, no event, no deploy: the moment passing is enough.
    shown = client.http.get("/").body.decode()
    assert "Zebra Crossing Notes" in shown
    post_page = client.http.get("/posts/zebra-crossing").body.decode()
    assert "Old News" in post_page  # the older neighbour is linked


def test_pages_are_indexed_and_listed(blog, client):
    upload("pages/about.md", "---\ntitle: About Us\n---\nWho we are.\n")
    notify(client, "pages/about.md")
    page = client.http.get("/pages/about")
    assert page.status_code == 200 and "Who we are." in page.body.decode()
    assert "/pages/about" in client.http.get("/sitemap.xml").body.decode()
    delete("pages/about.md")
    notify(client, "pages/about.md", "ObjectRemoved:Delete")
    assert client.http.get("/pages/about").status_code == 404



def test_a_writer_that_loses_a_race_retries_and_counts_stay_exact(blog, caplog):
    """Two Lambdas index one key at once: the one whose read went stale must retry.

    moto does not serialise concurrent transactions the way DynamoDB does, so the
    race is staged deterministically: writer A reads the head, writer B commits,
    then A writes with its stale view and must hit the condition and retry.
    """
    from chalicelib.wiring import services

    upload("posts/zebra-crossing.md", POST)
    writer_a, writer_b = services(), services()
    real_stored = writer_a.index.stored
    stale = [real_stored("post", "zebra-crossing")]  # nothing: read before B commits

    def stored_then_real(kind, slug):
        return stale.pop() if stale else real_stored(kind, slug)

    writer_a.index.stored = stored_then_real
    assert writer_b.sync("posts/zebra-crossing.md").action == "indexed"
    result = writer_a.sync("posts/zebra-crossing.md", force=True)

    assert result.action == "indexed" and result.detail == "revision 2"
    assert "changed while indexing" in caplog.text
    sidebar = blog.index.sidebar({}, datetime.now(timezone.utc), 0)
    assert [(name, count) for name, _, count in sidebar.tags] == [("Stripes", 1), ("Walking", 1)]
    assert sidebar.categories == [("Field Notes", "field-notes", 1)]
    assert blog.index.site_state()["total"] == 1
    listed, _ = blog.index.listing("LIST#all", 1, 10, datetime.now(timezone.utc))
    assert [entry.slug for entry in listed] == ["zebra-crossing"]
    assert "quagga" in blog.index.document("post", "zebra-crossing").body
