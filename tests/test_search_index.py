"""Folding the search index: search answers the same before and after, for less.

New posts' words wait in the FRESH partition until ``fold_at`` posts wait; a
fold then writes one block item a word. These tests drive folds through the
indexer against moto, and break them half-way the way a Lambda timeout would.
"""
import pytest

from chalicelib import keys
from chalicelib.errors import StorageUnavailable
from chalicelib.search_index import unpack
from tests.helpers import publish

COMMON = "harbour lantern keeper granite tide".split()


def write_post(blog, number, extra=""):
    """Post ``number``: the common words, a word of its own, and ``extra``."""
    text = f"{' '.join(COMMON)} own{number} {extra}\n"
    return publish(blog, f"posts/post-{number}.md", text, title=f"Post {number}",
                   date=f"2024-05-{number + 1:02d}", tags="[Sea]")


def every_posting(blog, words):
    return dict(zip(words, blog.index.postings(list(words))))


def waiting(blog):
    return sorted(item["sk"] for item in blog.index.table.query_all(keys.FRESH))


def test_posts_wait_until_enough_of_them_then_fold(blog):
    blog.index.search.fold_at = 4
    for number in range(3):
        write_post(blog, number)
    assert waiting(blog) == ["post-0", "post-1", "post-2"]
    write_post(blog, 3)
    assert waiting(blog) == [], "the fourth post folds all four"
    write_post(blog, 4)
    assert waiting(blog) == ["post-4"]


def test_search_answers_the_same_before_and_after_a_fold(blog):
    blog.index.search.fold_at = 100
    for number in range(6):
        write_post(blog, number, extra="lighthouse " * number)
    words = COMMON + ["lighthouse", "own3", "own5", "sea", "post"]
    before = every_posting(blog, words)
    assert len(before["harbour"]) == 6 and len(before["lighthouse"]) == 5
    assert blog.index.search.fold()
    assert waiting(blog) == []
    assert every_posting(blog, words) == before


def test_a_fold_writes_each_shared_word_once(blog, dynamodb_writes):
    blog.index.search.fold_at = 8
    for number in range(7):
        write_post(blog, number)
    dynamodb_writes.clear()
    write_post(blog, 7)
    blocks = [pk for operation, pk, sk in dynamodb_writes
              if pk.startswith("TERM#") and keys.is_block_sk(sk)]
    # the five common words, the tag, "post" from the titles, and each post's own word
    own = {f"TERM#own{number}" for number in range(8)}
    assert sorted(blocks) == sorted({f"TERM#{word}" for word in COMMON + ["sea", "post"]}
                                    | own)
    per_post_before = sum(len(unpack(blog.index.search.record(f"post-{n}")["w"]))
                          for n in range(8))
    assert len(blocks) < per_post_before / 2, "shared words are written once, not 8 times"


def test_deleting_or_redating_a_folded_post_moves_its_entries(blog):
    blog.index.search.fold_at = 1
    write_post(blog, 1, extra="lighthouse")
    write_post(blog, 2)
    [first] = blog.index.postings(["lighthouse"])
    publish(blog, "posts/post-1.md", f"{' '.join(COMMON)} own1 lighthouse\n",
            title="Post 1", date="2023-01-01", tags="[Sea]")
    [moved] = blog.index.postings(["lighthouse"])
    assert len(moved) == 1 and set(moved) != set(first)
    assert next(iter(moved)).startswith("2023-01-01")
    blog.store.delete("posts/post-1.md")
    assert blog.sync("posts/post-1.md").action == "removed"
    lighthouse, harbour = blog.index.postings(["lighthouse", "harbour"])
    assert lighthouse == {} and [key.rsplit("#")[-1] for key in harbour] == ["post-2"]


def fail_claims(monkeypatch, table):
    """Make every claim of a post by a fold fail the way a dying Lambda would."""
    real_update = table.update

    def update(key, expression, **kwargs):
        if key["pk"] == keys.WORDS and expression.startswith("SET fold"):
            raise StorageUnavailable("the Lambda timed out")
        return real_update(key, expression, **kwargs)

    monkeypatch.setattr(table, "update", update)


def test_a_fold_that_dies_half_way_is_finished_by_the_next(blog, monkeypatch):
    import chalicelib.search_index as search_index

    blog.index.search.fold_at = 100
    for number in range(4):
        write_post(blog, number, extra="lighthouse" if number == 1 else "")
    with monkeypatch.context() as broken:
        fail_claims(broken, blog.index.table)
        with pytest.raises(StorageUnavailable):
            blog.index.search.fold()
    # Its blocks are written, its posts unclaimed. One of them is edited meanwhile.
    publish(blog, "posts/post-1.md", f"{' '.join(COMMON)} own1 beacon\n",
            title="Post 1", date="2024-05-02", tags="[Sea]")
    assert blog.index.search.fold() is False, "the lease is still held"
    monkeypatch.setattr(search_index, "LEASE_SECONDS", -1)
    monkeypatch.setattr(search_index.time, "time", lambda: 10**10)
    assert blog.index.search.fold()
    assert waiting(blog) == []
    found = every_posting(blog, ["lighthouse", "beacon", "harbour"])
    assert found["lighthouse"] == {}, "the edit's removed word is not found"
    assert len(found["beacon"]) == 1 and len(found["harbour"]) == 4


def test_an_edit_that_races_a_fold_wins(blog, monkeypatch):
    blog.index.search.fold_at = 100
    for number in range(3):
        write_post(blog, number, extra="lighthouse" if number == 1 else "")
    table = blog.index.table
    real_update = table.update
    raced = []

    def update(key, expression, **kwargs):
        if key == keys.words("post-1") and expression.startswith("SET fold") and not raced:
            raced.append(True)   # the edit lands between the fold's read and its claim
            monkeypatch.setattr(table, "update", real_update)
            publish(blog, "posts/post-1.md", f"{' '.join(COMMON)} own1 beacon\n",
                    title="Post 1", date="2024-05-02", tags="[Sea]")
        return real_update(key, expression, **kwargs)

    monkeypatch.setattr(table, "update", update)
    assert blog.index.search.fold()
    assert raced
    assert waiting(blog) == ["post-1"], "the edited post waits for the next fold"
    found = every_posting(blog, ["lighthouse", "beacon", "harbour"])
    assert found["lighthouse"] == {}
    assert len(found["beacon"]) == 1 and len(found["harbour"]) == 3
    assert blog.index.search.fold()
    assert every_posting(blog, ["lighthouse", "beacon", "harbour"]) == found


def test_a_fold_stopped_by_aws_does_not_fail_the_publish(blog, monkeypatch, caplog):
    blog.index.search.fold_at = 2
    write_post(blog, 0)
    fail_claims(monkeypatch, blog.index.table)
    assert write_post(blog, 1, extra="lighthouse").action == "indexed"
    assert "search fold stopped" in caplog.text
    assert len(blog.index.postings(["lighthouse"])[0]) == 1, "found while it waits"


def test_a_late_fresh_item_of_a_folded_post_is_dropped_by_the_next_fold(blog):
    from chalicelib.search_index import pack

    blog.index.search.fold_at = 100
    write_post(blog, 0)
    write_post(blog, 1)
    assert blog.index.search.fold()
    # A racing edit's FRESH write that lands after the fold claimed the post.
    record = blog.index.search.record("post-1")
    blog.index.table.put(dict(keys.fresh("post-1"), rev=record["rev"],
                              list_sk=record["list_sk"], w=pack({"ghost": 1.0})))
    assert blog.index.search.fold()
    assert waiting(blog) == []
    assert blog.index.postings(["ghost"]) == [{}]
    assert len(blog.index.postings(["own1"])[0]) == 1


def test_a_fold_that_fails_outright_leaves_the_publish_and_search_alone(blog, monkeypatch,
                                                                      caplog):
    blog.index.search.fold_at = 2
    write_post(blog, 0)
    monkeypatch.setattr(blog.index.search, "fold", lambda: 1 / 0)
    assert write_post(blog, 1, extra="lighthouse").action == "indexed"
    assert "search fold failed" in caplog.text
    assert blog.index.errors() == [], "the post is not marked as failed"
    assert len(blog.index.postings(["lighthouse"])[0]) == 1
