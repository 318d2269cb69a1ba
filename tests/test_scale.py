"""A blog of any size: memory and writes that grow no faster than the posts.

Memory is read from the process (RSS), not timed; the figures at 100, 1,000
and 10,000 posts are `make bench`'s.
"""
import json
import os
import subprocess
import sys
from datetime import datetime, timezone


from tests.helpers import PROJECT, publish

WORDS = ("harbour lantern keeper granite tide beacon fog horn gull rope pier storm "
         "island ferry compass chart").split()


def resident_mib():
    """This process's resident memory now, in MiB."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * 4096 / 2**20


def write_posts(folder, first, count):
    """``count`` short posts named from ``first`` on: the keys under ``folder``."""
    keys = []
    for number in range(first, first + count):
        body = " ".join(f"{WORDS[(number + i) % len(WORDS)]}{i % 9}" for i in range(60))
        key = f"posts/post-{number:04d}.md"
        (folder / key).write_text(
            f"---\ntitle: Post {number}\ndate: 2024-{number % 12 + 1:02d}-01\n"
            f"tags: [t{number % 10}, u{number % 7}]\ncategories: c{number % 4}\n---\n{body}\n")
        keys.append(key)
    return keys


MEASURE = """
import gc, json, sys, tempfile
from pathlib import Path
import boto3
from moto import mock_aws
from blog_cli.embedded_aws import scale_moto
from blog_cli.loading import load_files
from chalicelib.dynamodb import create_table
from chalicelib.site import SiteSettings
from chalicelib.wiring import services
from tests.helpers import BUCKET, TABLE
from tests.test_scale import resident_mib, write_posts

scale_moto()
with mock_aws(), tempfile.TemporaryDirectory() as folder:
    root = Path(folder)
    (root / "posts").mkdir()
    boto3.client("s3").create_bucket(Bucket=BUCKET)
    create_table(boto3.client("dynamodb"), TABLE)
    blog = services()
    gc.collect()
    marks = [resident_mib()]
    for first in (0, 100, 200):
        keys = write_posts(root, first, 100)
        actions = {result.action for result in load_files(root, keys, blog, SiteSettings(),
                                                          workers=1)}
        assert actions == {"indexed"}, actions
        gc.collect()
        marks.append(resident_mib())
    # The data the blog holds, measured once at the end: a Scan's garbage
    # would blur the marks above.
    data = sum(item["Size"] for item in boto3.client("s3").list_objects_v2(
        Bucket=BUCKET)["Contents"])
    for page in boto3.client("dynamodb").get_paginator("scan").paginate(TableName=TABLE):
        data += sum(len(json.dumps(item, separators=(",", ":"), default=len))
                    for item in page["Items"])
    print(json.dumps({"marks": marks, "total": blog.index.site_state()["total"],
                      "data_mib": data / 2**20}))
"""


def test_indexing_300_posts_grows_memory_linearly_and_within_twice_its_data(aws_env):
    # A fresh process, so memory this worker freed earlier cannot hide the growth.
    done = subprocess.run([sys.executable, "-c", MEASURE], cwd=PROJECT, capture_output=True,
                          text=True, env=dict(os.environ, PYTHONPATH=str(PROJECT)))
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    marks = found["marks"]
    first_hundred = marks[1] - marks[0]
    last_two_hundred = marks[3] - marks[1]
    # Linear growth makes the last 200 posts cost about twice the first 100;
    # moto's unpatched transactions made it about eight times.
    assert last_two_hundred <= 3.5 * max(first_hundred, 1.0), marks
    assert found["total"] == 300
    # The posts are alike, so 200 of them hold two thirds of the data. moto's
    # own items took about seven times their data; packed, about one.
    assert last_two_hundred <= 2 * found["data_mib"] * 2 / 3, (marks, found["data_mib"])


def test_an_edit_of_a_waiting_post_writes_no_posting(blog, dynamodb_writes):
    text = " ".join(f"{word}{n}" for n in range(5) for word in WORDS) + "\n"
    publish(blog, "posts/keeper.md", text, title="Keeper", date="2024-05-01")
    dynamodb_writes.clear()
    publish(blog, "posts/keeper.md", text.replace("lantern3", "lighthouse3"), title="Keeper",
            date="2024-05-01")
    assert not [write for write in dynamodb_writes if write[1].startswith("TERM#")]
    found = blog.index.postings(["lighthouse3", "lantern3", "lantern2"])
    assert [len(posting) for posting in found] == [1, 0, 1]


def test_an_edit_of_a_folded_post_writes_only_the_words_it_changed(blog, dynamodb_writes):
    blog.index.search.fold_at = 1
    text = " ".join(f"{word}{n}" for n in range(5) for word in WORDS) + "\n"
    publish(blog, "posts/keeper.md", text, title="Keeper", date="2024-05-01")
    assert blog.index.table.query_all("FRESH") == [], "folded at once"
    dynamodb_writes.clear()
    publish(blog, "posts/keeper.md", text.replace("lantern3", "lighthouse3"), title="Keeper",
            date="2024-05-01")
    assert sorted(pk for _, pk, _ in dynamodb_writes if pk.startswith("TERM#")) == \
        ["TERM#lantern3", "TERM#lighthouse3"]
    found = blog.index.postings(["lighthouse3", "lantern3", "lantern2"])
    assert [len(posting) for posting in found] == [1, 0, 1]


def test_a_post_indexed_before_folds_loses_its_postings_when_edited_or_deleted(blog):
    from chalicelib import keys
    from chalicelib.search_index import unpack

    publish(blog, "posts/elder.md", "Lanterns and harbours.\n", title="Elder",
            date="2024-05-01")
    # How posts were indexed before: one posting item a word, the words in the head.
    table = blog.index.table
    record = table.get(keys.words("elder"))
    weights = unpack(record["w"])
    table.write_batch(puts=[{"pk": keys.term_pk(term), "sk": record["list_sk"], "w": weight}
                            for term, weight in weights.items()],
                      deletes=[keys.words("elder"), keys.fresh("elder")])
    table.update(keys.head("post", "elder"), "SET terms = :terms",
                 values={":terms": table.encode_value(sorted(weights))})
    assert blog.index.postings(["lanterns"]) != [{}]
    publish(blog, "posts/elder.md", "Lanterns and beacons.\n", title="Elder",
            date="2024-05-01")
    assert blog.index.postings(["harbours", "beacons"]) == [{}, {record["list_sk"]: 1.0}]
    assert len(table.query_all(keys.term_pk("lanterns"))) == 0, "the edit deleted them"
    blog.store.delete("posts/elder.md")
    assert blog.sync("posts/elder.md").action != "indexed"
    assert blog.index.postings(["lanterns", "harbours"]) == [{}, {}]
    assert table.query_all(keys.term_pk("lanterns")) == [], "the old postings are gone"


def test_the_sidebar_snapshot_is_written_again_only_when_what_it_shows_changes(
        blog, dynamodb_writes):
    snapshot = ("PutItem", "SITE", "sidebar")
    publish(blog, "posts/quiet.md", "First words.\n", title="Quiet", date="2024-05-01")
    dynamodb_writes.clear()
    publish(blog, "posts/quiet.md", "Other words.\n", title="Quiet", date="2024-05-01")
    assert snapshot not in dynamodb_writes, "a body edit leaves the snapshot as it was"
    dynamodb_writes.clear()
    publish(blog, "posts/quiet.md", "Other words.\n", title="Loud", date="2024-05-01")
    assert snapshot in dynamodb_writes, "a new title shows in the recent posts widget"
    assert '"Loud"' in blog.index.site_state()["sidebar"]


def test_the_site_item_stays_small_as_scheduled_posts_come_due(blog):
    from datetime import timedelta

    soon = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(seconds=2)
    for number in range(5):
        publish(blog, f"posts/soon-{number}.md", "Soon.\n", title=f"Soon {number}",
                date=soon.strftime("%Y-%m-%d %H:%M:%S"))
    assert len(blog.index.site_state()["scheduled"]) == 5
    later = soon + timedelta(seconds=1)
    blog.index.refresh_sidebar(now=later)  # what the next change's writer does
    assert blog.index.site_state()["scheduled"] == {}, "entries leave once due"


def test_publishing_reads_the_head_once_and_deletes_no_error_it_does_not_have(blog,
                                                                              aws_calls):
    publish(blog, "posts/fresh.md", "Fresh words.\n", title="Fresh", date="2024-05-01")
    # A delete of nothing is billed as a write: only a recorded error is deleted.
    assert "dynamodb:DeleteItem" not in aws_calls
    assert aws_calls["dynamodb:BatchGetItem"] == 1, "the head and the error record, together"
    assert "dynamodb:GetItem" not in aws_calls, "no second read of the head"
    # A post that failed, then is mended, still loses its error record.
    blog.store.put("posts/mended.md", b"---\ntitle: [unclosed\n---\nBody.\n")
    assert blog.sync("posts/mended.md").action == "error"
    assert [item["sk"] for item in blog.index.errors()] == ["posts/mended.md"]
    publish(blog, "posts/mended.md", "Mended.\n", title="Mended", date="2024-05-02")
    assert blog.index.errors() == []


def test_the_first_load_into_a_new_table_deletes_nothing(blog, tmp_path, aws_calls):
    from blog_cli.loading import load_files
    from chalicelib.site import SiteSettings

    (tmp_path / "posts").mkdir()
    keys = write_posts(tmp_path, 0, 3)
    results = load_files(tmp_path, keys, blog, SiteSettings(), workers=1, fresh=True)
    assert [result.action for result in results] == ["indexed"] * 3
    assert "dynamodb:DeleteItem" not in aws_calls, "local mode's first load: no error to clear"


def test_a_new_post_makes_these_calls_and_no_posting_write(blog, aws_calls, dynamodb_writes):
    publish(blog, "posts/first.md", "First words.\n", title="First", date="2024-05-01")
    aws_calls.clear()
    dynamodb_writes.clear()
    publish(blog, "posts/second.md", "Second words.\n", title="Second", date="2024-05-02",
            tags="[Sea]")
    dynamodb = {name.split(":")[1]: count for name, count in aws_calls.items()
                if name.startswith("dynamodb:")}
    assert dynamodb == {
        "BatchGetItem": 1,         # head, words record, error record
        "PutItem": 2,              # words record; sidebar snapshot
        "TransactWriteItems": 1,   # head, counts, site version
        "BatchWriteItem": 2,       # body chunks; listings and the FRESH item
        "UpdateItem": 1,           # the version, after the snapshot
        "Query": 5,                # settings; the fold's count; snapshot: SITE, AGG, recent
    }
    assert not [pk for _, pk, _ in dynamodb_writes if pk.startswith("TERM#")]
