"""The search index: which posts hold a word, written in folds of many posts.

DynamoDB bills a write by the KiB, rounded up, so one small item a word and
post (a posting) cost a write unit each: most of what publishing a post cost.
Here a new post's words wait in one item of the ``FRESH`` partition, which
every search reads too. Once ``FOLD_AT`` posts wait, they are folded: one
block item a word holds that word's weight in each of them (an attribute
named by the post's listing key), so the words the posts share are written
once. A post's ``WORDS`` record keeps its weights and which fold holds them;
an edit then changes only the blocks of the words it changed.

The WORDS record is what counts: a writer puts it first, conditionally on
the revision it read, and a fold folds the records of the posts that FRESH
lists. A fold is journalled in its lease item before it writes, so a fold
that dies half-way is finished by the next one: it writes the blocks again
from the records (while none is claimed, nothing else writes those blocks),
claims each post whose revision it holds, then lets the posts leave FRESH.
An edit racing a claim either changes the record first (the claim fails and
the fold takes the post's entries out again) or loses its conditional write
and takes the folded path. Postings written before folds (one item a word and
post) are still read, and a post's are deleted when it next changes.
"""
import json
import os
import time
import zlib
from decimal import Decimal

from chalicelib import keys
from chalicelib.background import Background
from chalicelib.dynamodb import Conflict
from chalicelib.ranking import MAX_QUERY_TERMS

FOLD_AT = 32           # waiting posts that start a fold: a common word's block stays near 1 KiB
LEASE_SECONDS = 120    # how long a fold may hold the lease before another finishes it
PARALLEL_UPDATES = 8   # block updates in flight when an edit or a removal changes many


def pack(weights):
    """A post's ``{word: weight}`` (or a list of words) as compact, compressed bytes."""
    return zlib.compress(json.dumps(weights, separators=(",", ":"),
                                    sort_keys=True).encode("utf-8"), 9)


def unpack(data):
    """What ``pack`` stored."""
    return json.loads(zlib.decompress(bytes(data)).decode("utf-8")) if data else {}


def _number(weight):
    return Decimal(str(weight))


def _legacy_postings(head):
    """Keys of the postings (one item a word) of a post indexed before folds."""
    if not head:
        return []
    return [{"pk": keys.term_pk(term), "sk": head["list_sk"]}
            for term in head.get("weights") or head.get("terms") or []]


class Changes:
    """Puts and deletes for the caller's next BatchWriteItem (with the listings)."""

    def __init__(self):
        self.puts, self.deletes = [], []


class SearchIndex:
    """Reads and writes the search index of one index ``Table``."""

    def __init__(self, table, fold_at=FOLD_AT):
        self.table = table
        self.fold_at = fold_at

    # -- reading ---------------------------------------------------------------

    def postings(self, terms):
        """For each search word, ``{listing key: weight}`` of the posts holding it."""
        terms = terms[:MAX_QUERY_TERMS]
        if not terms:
            return []
        waiting = Background(lambda: self.table.query_all(keys.FRESH, decode=False))
        jobs = [Background(lambda term=term: self._stored_postings(term)) for term in terms[1:]]
        found = [self._stored_postings(terms[0])] + [job.result() for job in jobs]
        for item in waiting.result():   # a waiting post's weights are its newest
            weights = unpack(item["w"]["B"])
            for term, posting in zip(terms, found):
                if term in weights:
                    posting[item["list_sk"]["S"]] = weights[term]
        return found

    def _stored_postings(self, term):
        # Raw items: a common word has thousands of entries, and decoding is slow.
        posting = {}
        for item in self.table.query_all(keys.term_pk(term), decode=False):
            sk = item["sk"]["S"]
            if keys.is_block_sk(sk):
                posting.update((name, float(value["N"])) for name, value in item.items()
                               if name != "pk" and name != "sk")
            else:
                posting[sk] = float(item["w"]["N"])
        return posting

    # -- a post's words --------------------------------------------------------

    def record(self, slug):
        """A post's WORDS record (consistent), or None."""
        return self.table.get(keys.words(slug), consistent=True)

    def publish(self, slug, list_sk, revision, weights, record, old_head):
        """Make search find revision ``revision`` of a post by ``weights``.

        ``record`` is its WORDS record as read before the head was written;
        ``old_head`` the head it replaced. Returns the Changes that the caller
        writes with the listings (the post's FRESH item; old postings to go).
        """
        changes = Changes()
        if not record:
            changes.deletes += _legacy_postings(old_head)
        new = dict(keys.words(slug), rev=revision, list_sk=list_sk, w=pack(weights))
        # The record is written first, over the revision read: whoever writes it
        # owns the change, and a writer that lost reads it again.
        while True:
            if record and record["rev"] >= revision:
                return changes   # a newer revision got here first
            fold = record.get("fold") if record else None
            try:
                if record:
                    self.table.put_if(dict(new, fold=fold) if fold else new,
                                      "rev = :rev" if fold else
                                      "rev = :rev AND attribute_not_exists(fold)",
                                      {":rev": {"N": str(record["rev"])}})
                else:
                    self.table.put_if(new, "attribute_not_exists(pk)")
            except Conflict:
                record = self.record(slug)   # a fold claimed it, or a writer raced us
                continue
            break
        if fold:
            self._move_in_fold(fold, record["list_sk"], unpack(record["w"]), list_sk, weights)
        else:
            changes.puts.append(dict(new, **keys.fresh(slug)))
        return changes

    def withdraw(self, slug, record, old_head):
        """Make search forget a post; the Changes to write with the listings."""
        changes = Changes()
        if not record:
            changes.deletes += _legacy_postings(old_head)
            return changes
        if record.get("fold"):
            self._move_in_fold(record["fold"], record["list_sk"], unpack(record["w"]),
                               None, {})
        changes.deletes += [keys.words(slug), keys.fresh(slug)]
        return changes

    def _move_in_fold(self, fold, old_sk, old, new_sk, new):
        """Update a folded post's entries in its fold's blocks, word by word."""
        updates = []
        for term in sorted(set(old) | set(new)):
            remove = term in old and (new_sk != old_sk or term not in new)
            put = term in new and (new_sk != old_sk or old.get(term) != new[term])
            if not (remove or put):
                continue
            names, values, parts = {}, {}, []
            if put:
                names["#new"] = new_sk
                values[":w"] = {"N": str(_number(new[term]))}
                parts.append("SET #new = :w")
            if remove:
                names["#old"] = old_sk
                parts.append("REMOVE #old")
            updates.append((keys.block(term, fold), " ".join(parts), values or None, names))
        self._run_updates(updates)

    def _run_updates(self, updates):
        from concurrent.futures import ThreadPoolExecutor   # writes only: not on a page's path

        if len(updates) <= 1:
            for key, expression, values, names in updates:
                self.table.update(key, expression, values=values, names=names)
            return
        with ThreadPoolExecutor(min(PARALLEL_UPDATES, len(updates))) as pool:
            list(pool.map(lambda update: self.table.update(
                update[0], update[1], values=update[2], names=update[3]), updates))

    # -- folding ---------------------------------------------------------------

    def fold_if_due(self):
        """Fold the waiting posts once ``fold_at`` wait; True if this call folded."""
        waiting = self.table.query_all(keys.FRESH, consistent=True, projection=("sk",))
        if len(waiting) < self.fold_at:
            return False
        return self.fold()

    def fold(self):
        """Fold every waiting post into new blocks; False if another fold holds the lease."""
        holder, now = os.urandom(8).hex(), int(time.time())
        try:
            old = self.table.update(
                keys.FOLD_LEASE, "SET holder = :me, #until = :until",
                values={":me": {"S": holder}, ":now": {"N": str(now)},
                        ":until": {"N": str(now + LEASE_SECONDS)}},
                names={"#until": "until"},
                condition="attribute_not_exists(#until) OR #until < :now",
                return_old=True)
        except Conflict:
            return False
        if old and old.get("fold"):   # a fold that died half-way: finish it first
            self._finish(old["fold"], old["posts"], old["keys"], unpack(old["terms"]))
        # The WORDS records say what to fold; a FRESH item only marks a post as
        # waiting (and lets search find it): one whose post is folded or gone is stale.
        waiting = [item["sk"] for item in
                   self.table.query_all(keys.FRESH, consistent=True, projection=("sk",))]
        if waiting:
            records = self._records(waiting)
            posts = {slug: record["rev"] for slug, record in records.items()
                     if not record.get("fold")}
            self.table.write_batch(deletes=[keys.fresh(slug) for slug in waiting
                                            if slug not in posts])
            if posts:
                fold = f"{time.time_ns():x}{holder[:4]}"
                terms = sorted(set().union(*(unpack(records[slug]["w"]) for slug in posts)))
                list_keys = {slug: records[slug]["list_sk"] for slug in posts}
                self.table.update(
                    keys.FOLD_LEASE,
                    "SET fold = :fold, posts = :posts, #keys = :keys, terms = :terms",
                    values={":fold": {"S": fold}, ":posts": self.table.encode_value(posts),
                            ":keys": self.table.encode_value(list_keys),
                            ":terms": {"B": pack(terms)}, ":me": {"S": holder}},
                    names={"#keys": "keys"}, condition="holder = :me")
                self._finish(fold, posts, list_keys, terms)
        try:
            self.table.update(keys.FOLD_LEASE,
                              "REMOVE holder, #until, fold, posts, #keys, terms",
                              names={"#until": "until", "#keys": "keys"},
                              values={":me": {"S": holder}}, condition="holder = :me")
        except Conflict:
            pass   # held so long that another fold took over; it finishes this one too
        return True

    def _records(self, slugs):
        return {item["sk"]: item for item in self.table.get_batch(
            [keys.words(slug) for slug in sorted(slugs)], consistent=True)}

    def _finish(self, fold, posts, list_keys, terms):
        """Bring fold ``fold`` of ``posts`` ({slug: revision}) over ``terms`` to its end.

        ``list_keys`` gives each post's listing key. Idempotent: the first run
        and any run after a crash end the same.
        """
        records = self._records(posts)
        claimed = {slug for slug in posts if records.get(slug, {}).get("fold") == fold}
        ready = [slug for slug in sorted(posts)
                 if slug in records and not records[slug].get("fold")
                 and records[slug]["rev"] == posts[slug]]
        weights = {slug: unpack(records[slug]["w"]) for slug in ready}
        if not claimed:
            # No post claimed yet, so nothing but folds wrote these blocks: write them whole.
            blocks = {term: {} for term in terms}
            for slug in ready:
                for term, weight in weights[slug].items():
                    blocks.setdefault(term, {})[list_keys[slug]] = _number(weight)
            self.table.write_batch(
                puts=[dict(keys.block(term, fold), **entries)
                      for term, entries in sorted(blocks.items()) if entries],
                deletes=[keys.block(term, fold)
                         for term, entries in sorted(blocks.items()) if not entries])
        else:
            # Blocks are whole once a post is claimed. A post changed since the
            # journal was written may have entries in any of them.
            for slug in sorted(set(posts) - claimed - set(ready)):
                self._move_in_fold(fold, list_keys[slug], dict.fromkeys(terms, 0), None, {})

        def claim(slug):
            try:
                self.table.update(keys.words(slug), "SET fold = :fold",
                                  values={":fold": {"S": fold},
                                          ":rev": {"N": str(posts[slug])}},
                                  condition="rev = :rev AND attribute_not_exists(fold)")
                return True
            except Conflict:   # edited or removed since: its entries here are stale
                self._move_in_fold(fold, list_keys[slug], weights[slug], None, {})
                return False

        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(PARALLEL_UPDATES) as pool:
            done = [slug for slug, claimed_now in zip(ready, pool.map(claim, ready))
                    if claimed_now]
        self.table.write_batch(deletes=[keys.fresh(slug) for slug in sorted(claimed) + done])
