"""The post index: publishing documents into DynamoDB and reading them back.

Built on ``dynamodb.Table`` (access) and ``keys`` (the layout, documented
there). Every read is a GetItem, a Query or a BatchGetItem, never a Scan.
Counts move with atomic ADD inside the same transaction as the post's head,
whose write is conditional on the revision it replaces, so concurrent writers
never lose an update: the loser gets ``Conflict`` and retries.
"""
import json
import logging
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone

from markupsafe import Markup

from chalicelib import keys
from chalicelib.background import Background
from chalicelib.dynamodb import Conflict, Table
from chalicelib.errors import StorageUnavailable
from chalicelib.models import Entry, Label, Post, parse_timestamp, timestamp
from chalicelib.search_index import SearchIndex
from chalicelib.sidebar import PAGE_SCHEDULE_PREFIX, RECENT_KEPT, build_sidebar, stored_form
from chalicelib.site import SiteConfig
from chalicelib.text import term_weights
from chalicelib.widget_config import recent_posts_shown

log = logging.getLogger(__name__)

CHUNK_BYTES = 300_000
SIDEBAR_ATTEMPTS = 8
ONE = {"N": "1"}
UNREAD = object()  # upsert's ``old`` when the caller has not read what is stored

__all__ = ["Conflict", "PostIndex", "Stored", "entry_from_item", "month_of"]


@dataclass(frozen=True)
class Stored:
    """What the index holds for a document: its head and (posts) its words record."""

    head: dict = None
    words: dict = None


def _labels(raw):
    return [Label(name=item["n"], slug=item["s"]) for item in raw or []]


def _label_items(labels):
    return [{"n": name, "s": slug} for name, slug in labels]


def entry_from_item(item, kind="post"):
    """Build an Entry from a listing item or a head item."""
    return Entry(
        kind=kind, slug=item["slug"], title=item["title"],
        date=parse_timestamp(item["date"]), updated=parse_timestamp(item.get("updated")),
        author=item.get("author", ""), tags=_labels(item.get("tags")),
        categories=_labels(item.get("cats")), summary=Markup(item.get("summary", "")),
        description=item.get("desc", ""), words=item.get("words", 0),
        revision=item.get("rev", 0), chunks=item.get("chunks", 0),
        cover=Markup(item.get("cover", "")),
    )


def month_of(moment, tz):
    """``YYYY-MM`` of a UTC moment in the site's timezone."""
    return moment.astimezone(tz).strftime("%Y-%m")


def _inflate(chunks):
    return zlib.decompress(b"".join(chunk["data"] for chunk in
                                    sorted(chunks, key=lambda c: c["sk"]))).decode("utf-8")


def _now():
    """The current UTC time as a stored attribute value (when the site last changed)."""
    return {"S": timestamp(datetime.now(timezone.utc))}


class PostIndex:
    """Reads and writes the blog's index table."""

    def __init__(self, table):
        self.table = table
        self.search = SearchIndex(table)
        self._site_ready = False

    @classmethod
    def on(cls, dynamodb_client, table_name):
        """The index in table ``table_name`` through ``dynamodb_client``."""
        return cls(Table(dynamodb_client, table_name))

    # -- site settings and state -------------------------------------------

    def site_state(self, consistent=False):
        """The site item and the sidebar snapshot, in one Query.

        Settings JSON, version, total, scheduled posts, the snapshot (None if
        there is none yet) and the version it was taken at.
        """
        items = {item["sk"]: item for item in self.table.query_all(
            keys.SITE_PARTITION, newest_first=False, consistent=consistent)}
        item = items.get(keys.SITE["sk"], {})
        snapshot = items.get(keys.SIDEBAR["sk"], {})
        return {"config": item.get("config", ""), "version": item.get("version", 0),
                "total": item.get("total", 0), "scheduled": item.get("scheduled", {}),
                # a site item from before the snapshot had an item of its own
                "sidebar": snapshot.get("sidebar", item.get("sidebar")),
                "sidebar_basis": snapshot.get("basis", -1),
                "changed": parse_timestamp(item.get("changed"))}

    def refresh_sidebar(self, now=None):
        """Store a fresh sidebar snapshot; drop scheduled entries now due.

        Runs after each change; an edit that leaves the snapshot as it was
        writes nothing. The snapshot is written only over one taken at an older
        or the same version, then the site item's version is bumped
        (conditionally on the version read) so every instance reads it. A
        writer that loses re-reads and tries again, so the last change's
        snapshot always lands.
        """
        now = now or datetime.now(timezone.utc)
        for _ in range(SIDEBAR_ATTEMPTS):
            state = self.site_state(consistent=True)
            aggregates = self.table.query_all(keys.AGGREGATES, newest_first=False,
                                              consistent=True)
            # Only as many posts as a widget shows (and the scheduled ones above them).
            shown = recent_posts_shown(SiteConfig.from_json(state["config"]).widgets)
            recent, _ = self.table.query(keys.ALL_POSTS, consistent=True,
                                         limit=min(shown, RECENT_KEPT) + len(state["scheduled"]),
                                         projection=("slug", "title", "date")) \
                if shown else ([], None)
            seen = {"N": str(state["version"])}
            snapshot = stored_form(aggregates, recent)
            due = sorted(slug for slug, entry in state["scheduled"].items()
                         if entry.get("d", "") <= timestamp(now))
            if snapshot == state["sidebar"] and state["sidebar_basis"] >= 0 and not due:
                return True  # an edit that changed nothing the sidebar shows: no write
            try:
                self.table.put_if({**keys.SIDEBAR, "sidebar": snapshot,
                                   "basis": state["version"]},
                                  "attribute_not_exists(basis) OR basis <= :seen",
                                  {":seen": seen})
            except Conflict:
                return True  # a snapshot of a newer state is there already
            names = {f"#d{number}": slug for number, slug in enumerate(due)}
            # ...and the old copy inside the site item goes (sites from before the split).
            expression = "ADD version :one REMOVE sidebar" + "".join(
                f", scheduled.{name}" for name in names)
            try:
                self.table.update(keys.SITE, expression, names=names or None,
                                  values={":one": ONE, ":seen": seen},
                                  condition="version = :seen")
                return True
            except Conflict:
                continue  # another change landed meanwhile: read again
        log.warning("sidebar snapshot gave way to concurrent writers %d times",
                    SIDEBAR_ATTEMPTS)
        return False

    def ensure_site_item(self):
        """Create the site item's counters if missing (idempotent)."""
        if self._site_ready:
            return
        self.table.update(keys.SITE,
                          "SET scheduled = if_not_exists(scheduled, :empty), "
                          "version = if_not_exists(version, :zero), "
                          "#total = if_not_exists(#total, :zero)",
                          names={"#total": "total"},
                          values={":empty": {"M": {}}, ":zero": {"N": "0"}})
        self._site_ready = True

    def save_site_config(self, config_json):
        """Store the settings and bump the version so every cache refreshes.

        The sidebar snapshot is taken again: it keeps only as many recent posts
        as the widgets show, and the new settings may show more.
        """
        self.ensure_site_item()
        self.table.update(keys.SITE, "SET config = :config, changed = :now ADD version :one",
                          values={":config": {"S": config_json}, ":one": ONE, ":now": _now()})
        self.refresh_sidebar()

    # -- reading posts -------------------------------------------------------

    def listing(self, partition, page, per_page, now, low=None, high=None):
        """Page ``page`` (1-based) of a listing, newest first, and whether more follow.

        Only entries dated up to ``now`` are seen, so scheduled posts appear on
        time by themselves. Earlier pages are skipped with a keys-only query.
        """
        upper = keys.published_until(now)
        if high is not None:
            upper = min(upper, high)
        lower = low or "0"
        if lower > upper:
            return [], False
        start = None
        skip = (page - 1) * per_page
        while skip > 0:
            found, start = self.table.query(partition, low=lower, high=upper, limit=skip,
                                            projection=("pk", "sk"), start=start)
            skip -= len(found)
            if skip > 0 and not start:
                return [], False
        if page > 1 and start is None:
            return [], False
        items, _ = self.table.query(partition, low=lower, high=upper, limit=per_page + 1,
                                    start=start)
        return [entry_from_item(item) for item in items[:per_page]], len(items) > per_page

    def document(self, kind, slug):
        """The whole post ("post") or static page ("page") named ``slug``, or None."""
        items = self.table.query_all(keys.document_pk(kind, slug), newest_first=False)
        head = next((item for item in items if item["sk"] == keys.HEAD_SK), None)
        if head is None:
            return None
        prefix = keys.body_prefix(head["rev"])
        chunks = [item for item in items if item["sk"].startswith(prefix)]
        if len(chunks) != head.get("chunks", 0):
            log.error("%s %s: body has %d of %d chunks", kind, slug, len(chunks),
                      head.get("chunks", 0))
            return None
        entry = entry_from_item(head, kind=kind)
        return Post(**entry.__dict__, body=Markup(_inflate(chunks)),
                    toc=Markup(head.get("toc", "")), show_toc=head.get("show_toc", False),
                    page_cover=Markup(head.get("page_cover", "")), og_image=head.get("og"))

    def neighbours(self, entry, now):
        """(older, newer) published posts around ``entry``, each an Entry or None."""
        older_job = Background(lambda: self.table.query(
            keys.ALL_POSTS, high=keys.just_below(entry.sort_key), limit=1)[0])
        newer, _ = self.table.query(keys.ALL_POSTS, low=keys.just_after(entry.sort_key),
                                    high=keys.published_until(now), limit=1,
                                    newest_first=False)
        older = older_job.result()
        return (entry_from_item(older[0]) if older else None,
                entry_from_item(newer[0]) if newer else None)

    def entries_by_keys(self, sort_keys):
        """Listing entries for the given sort keys, in that order."""
        items = self.table.get_batch([{"pk": keys.ALL_POSTS, "sk": key} for key in sort_keys])
        by_key = {item["sk"]: entry_from_item(item) for item in items}
        return [by_key[key] for key in sort_keys if key in by_key]

    def bodies(self, entries):
        """Rendered bodies of ``entries`` (for full-text feeds), by slug."""
        wanted = [keys.body_chunk("post", entry.slug, entry.revision, number)
                  for entry in entries for number in range(entry.chunks)]
        parts = {}
        for item in self.table.get_batch(wanted):
            parts.setdefault(keys.slug_of_document_pk(item["pk"]), []).append(item)
        return {slug: Markup(_inflate(chunks)) for slug, chunks in parts.items()}

    def published_keys(self, now):
        """(slug, date, updated) of every published post, newest first (sitemap)."""
        items = self.table.query_all(keys.ALL_POSTS, high=keys.published_until(now),
                                     projection=("slug", "date", "updated"))
        return [(item["slug"], parse_timestamp(item["date"]),
                 parse_timestamp(item.get("updated"))) for item in items]

    def sidebar(self, scheduled, now, recent_count):
        """SidebarData: the AGG partition (one Query) and the newest posts alongside."""
        recent = Background(lambda: self.listing(keys.ALL_POSTS, 1, recent_count, now)[0]) \
            if recent_count else None
        aggregates = self.table.query_all(keys.AGGREGATES, newest_first=False)
        return build_sidebar(aggregates, scheduled, now,
                             recent.result() if recent is not None else ())

    def postings(self, terms):
        """For each search term, ``{listing key: weight}`` of the posts holding it."""
        return self.search.postings(terms)

    def sources(self):
        """(kind, slug) of every indexed post (scheduled ones too) and page."""
        posts = {("post", item["slug"])
                 for item in self.table.query_all(keys.ALL_POSTS, projection=("slug",))}
        low, high = keys.prefix_range(keys.aggregate_sk(keys.PAGE_ENTRY, ""))
        pages = {("page", keys.split_aggregate_sk(item["sk"])[1])
                 for item in self.table.query_all(keys.AGGREGATES, low=low, high=high,
                                                  projection=("sk",))}
        return sorted(posts | pages)

    def errors(self):
        """Every recorded content error: [{sk (the key), reason, line, at}]."""
        return self.table.query_all(keys.ERRORS, newest_first=False)

    # -- writing -------------------------------------------------------------

    def head(self, kind, slug):
        """The stored head item of a post or page (consistent read), or None."""
        return self.table.get(keys.head(kind, slug), consistent=True)

    def stored(self, kind, slug):
        """The Stored head and words record of a document (consistent reads)."""
        return self.stored_and_error(kind, slug, None)[0]

    def stored_and_error(self, kind, slug, source_key):
        """(Stored, whether an error is recorded for ``source_key``), in one BatchGetItem.

        Knowing there is no error spares the write that would delete it:
        DynamoDB bills a delete of nothing as a write.
        """
        wanted = {"head": keys.head(kind, slug)}
        if kind == "post":
            wanted["words"] = keys.words(slug)
        if source_key is not None:
            wanted["error"] = keys.error(source_key)
        found = {(item["pk"], item["sk"]): item
                 for item in self.table.get_batch(list(wanted.values()), consistent=True)}
        got = {name: found.get((key["pk"], key["sk"])) for name, key in wanted.items()}
        return Stored(got["head"], got.get("words")), got.get("error") is not None

    def alias(self, path):
        """(kind, slug, date) of the document an old path (normal form) moved to, or None."""
        item = self.table.get(keys.alias(path))
        if item is None:
            return None
        return item["kind"], item["slug"], parse_timestamp(item["d"])

    def upsert(self, document, source_etag, source_modified, tz, old=UNREAD):
        """Publish ``document`` (a content.Document); raise Conflict on a race.

        ``old`` is what ``stored`` returns, if the caller has just read it; the
        head is written only over that revision, so a stale one raises Conflict.
        """
        self.ensure_site_item()
        kind, slug = document.kind, document.slug
        stored = self.stored(kind, slug) if old is UNREAD else old
        old = stored.head
        revision = (old["rev"] + 1) if old else 1
        body = zlib.compress(document.body_html.encode("utf-8"), 6)
        chunks = [body[offset:offset + CHUNK_BYTES]
                  for offset in range(0, len(body), CHUNK_BYTES)] or [b""]
        self.table.write_batch(puts=[dict(keys.body_chunk(kind, slug, revision, number),
                                          data=chunk)
                                     for number, chunk in enumerate(chunks)])

        listing = {
            "slug": slug, "title": document.title, "date": timestamp(document.date),
            "updated": timestamp(document.updated) if document.updated else None,
            "author": document.author, "tags": _label_items(document.tags),
            "cats": _label_items(document.categories), "summary": document.summary_html,
            "desc": document.description, "words": document.words, "rev": revision,
            "chunks": len(chunks), "cover": document.cover_listing_html or None,
        }
        weights = term_weights(document.title, [name for name, _ in
                                                document.tags + document.categories],
                               document.text) if kind == "post" else {}
        head = dict(listing, **keys.head(kind, slug), kind=kind,
                    toc=document.toc_html, show_toc=document.show_toc, etag=source_etag,
                    modified=timestamp(source_modified),
                    list_sk=keys.listing_sk(document.date, slug),
                    month=month_of(document.date, tz),
                    page_cover=document.cover_html or None, og=document.og_image,
                    media=document.media_keys or None, aliases=list(document.aliases))
        # Before the transaction bumps the version, so no page cache keeps a stale 404.
        self._sync_aliases(kind, slug, old, head)
        actions = [self._head_put(head, old)]
        if kind == "post":
            actions.extend(self._aggregate_deltas(old, head))
            actions.append(self._site_update(slug, old, head))
        else:
            actions.append(self.table.put_action(dict(
                keys.aggregate(keys.PAGE_ENTRY, slug), title=document.title)))
            actions.append(self._page_schedule(slug, head))
        try:
            self.table.transact(actions)
        except Conflict:
            raise  # the chunks may be the winner's too: the retry rewrites them
        except Exception:
            # Nothing points at this revision's chunks: never leave them behind.
            self.table.write_batch(deletes=[keys.body_chunk(kind, slug, revision, number)
                                            for number in range(len(chunks))])
            raise

        if kind == "post":
            words = self.search.publish(slug, head["list_sk"], revision, weights,
                                        stored.words, old)
            self._sync_listings(old, head, listing, words)
            try:
                self.search.fold_if_due()
            except StorageUnavailable:
                # The post is published and found by search from FRESH; the fold's
                # journal lets the next publish's fold finish this one.
                log.warning("search fold stopped; the next publish finishes it", exc_info=True)
            except Exception:  # never fail a publish that has landed
                log.exception("search fold failed; the posts stay searchable in FRESH")
        if old:
            self._delete_chunks(kind, slug, old)
        return revision

    def remove(self, kind, slug):
        """Take a post or page out of the index; True if it was there."""
        self.ensure_site_item()
        stored = self.stored(kind, slug)
        old = stored.head
        if old is None:
            return False
        self._sync_aliases(kind, slug, old, None)
        actions = [self.table.delete_action(keys.head(kind, slug), "rev = :rev",
                                            {":rev": {"N": str(old["rev"])}})]
        if kind == "post":
            actions.extend(self._aggregate_deltas(old, None))
            actions.append(self._site_update(slug, old, None))
        else:
            actions.append(self.table.delete_action(keys.aggregate(keys.PAGE_ENTRY, slug)))
            actions.append(self._page_schedule(slug, None))
        self.table.transact(actions)
        if kind == "post":
            self._sync_listings(old, None, None,
                                self.search.withdraw(slug, stored.words, old))
        self._delete_chunks(kind, slug, old)
        return True

    # -- media ---------------------------------------------------------------

    def media(self, media_key):
        """The MediaInfo of a media object (consistent read), or None when unknown."""
        from chalicelib.media import MediaInfo

        item = self.table.get(keys.media(media_key), consistent=True)
        return MediaInfo.from_record(json.loads(item["info"])) if item else None

    def put_media(self, info):
        """Remember a media object's type, size and variants."""
        self.table.put(dict(keys.media(info.key), info=json.dumps(info.record())))

    def remove_media(self, media_key):
        """Forget a media object (its users stay: their pages must lose its sizes)."""
        self.table.delete(keys.media(media_key))

    def media_users(self, media_key):
        """The source keys whose pages may show ``media_key``."""
        item = self.table.get(keys.media_users(media_key), consistent=True) or {}
        return set(item.get("users", ()))

    def add_media_user(self, media_key, source_key):
        """Record that ``source_key``'s page shows ``media_key``."""
        self.table.update(keys.media_users(media_key), "ADD #users :user",
                          values={":user": {"SS": [source_key]}}, names={"#users": "users"})

    def forget_media_user(self, media_key, source_key):
        """``source_key`` no longer shows ``media_key``."""
        self.table.update(keys.media_users(media_key), "DELETE #users :user",
                          values={":user": {"SS": [source_key]}}, names={"#users": "users"})

    def media_refs(self, kind, slug):
        """The media keys the stored post or page shows ([] when it is not indexed)."""
        return (self.head(kind, slug) or {}).get("media", [])

    def record_error(self, source_key, reason, line=None):
        """Remember why ``source_key`` could not be published."""
        self.table.put(dict(keys.error(source_key), reason=reason, line=line,
                            at=timestamp(datetime.now(timezone.utc))))

    def clear_error(self, source_key):
        """Forget a recorded error for ``source_key``."""
        self.table.delete(keys.error(source_key))

    def _head_put(self, head, old):
        if old:
            return self.table.put_action(head, "rev = :rev", {":rev": {"N": str(old["rev"])}})
        return self.table.put_action(head, "attribute_not_exists(pk)")

    def _aggregate_deltas(self, old, new):
        """ADD updates that move tag, category and month counts from old to new."""
        def contributions(head):
            if head is None:
                return {}
            found = {(keys.TAG, tag["s"]): tag["n"] for tag in head.get("tags", [])}
            found.update({(keys.CATEGORY, cat["s"]): cat["n"] for cat in head.get("cats", [])})
            found[(keys.MONTH, head["month"])] = None
            return found

        before, after = contributions(old), contributions(new)
        actions = []
        for kind, name in sorted(set(before) | set(after)):
            label = (kind, name)
            delta = (label in after) - (label in before)
            display = after.get(label) or before.get(label)
            if delta == 0 and (display is None or before.get(label) == after.get(label)):
                continue
            expression = "ADD #count :delta"
            names = {"#count": "count"}
            values = {":delta": {"N": str(delta)}}
            if display is not None:
                expression += " SET #name = :name"
                names["#name"] = "name"
                values[":name"] = {"S": display}
            actions.append(self.table.update_action(keys.aggregate(kind, name), expression,
                                                    values, names))
        return actions

    def _version_bump(self):
        return self.table.update_action(keys.SITE, "SET changed = :now ADD version :one",
                                        {":one": ONE, ":now": _now()})

    def _page_schedule(self, slug, new):
        """Bump the version; a page dated in the future waits in the scheduled map too,
        so caches expire at its moment (``page:`` keeps it apart from a post's slug)."""
        names = {"#slug": f"{PAGE_SCHEDULE_PREFIX}{slug}"}
        values = {":one": ONE, ":now": _now()}
        if new is not None and new["date"] > timestamp(datetime.now(timezone.utc)):
            values[":entry"] = self.table.encode_value({"d": new["date"]})
            expression = "ADD version :one SET changed = :now, scheduled.#slug = :entry"
        else:
            expression = "ADD version :one SET changed = :now REMOVE scheduled.#slug"
        return self.table.update_action(keys.SITE, expression, values, names)

    def _site_update(self, slug, old, new):
        """Bump the version; keep the total and the scheduled map in step."""
        names = {"#slug": slug}
        values = {":one": ONE, ":now": _now()}
        expression = "ADD version :one"
        delta = (new is not None) - (old is not None)
        if delta:
            expression += ", #total :delta"
            names["#total"] = "total"
            values[":delta"] = {"N": str(delta)}
        if new is not None and new["date"] > timestamp(datetime.now(timezone.utc)):
            entry = {"d": new["date"], "m": new["month"],
                     "t": [tag["s"] for tag in new["tags"]],
                     "c": [cat["s"] for cat in new["cats"]]}
            expression += " SET changed = :now, scheduled.#slug = :entry"
            values[":entry"] = self.table.encode_value(entry)
        else:
            expression += " SET changed = :now REMOVE scheduled.#slug"
        return self.table.update_action(keys.SITE, expression, values, names)

    def _sync_listings(self, old, new, listing, words):
        """Move listing entries from the old head's keys to the new, with the
        search index's ``words`` Changes in the same batch."""
        def listing_keys(head):
            if head is None:
                return set()
            found = {(keys.ALL_POSTS, head["list_sk"])}
            found |= {(keys.label_listing(keys.TAG, tag["s"]), head["list_sk"])
                      for tag in head.get("tags", [])}
            found |= {(keys.label_listing(keys.CATEGORY, cat["s"]), head["list_sk"])
                      for cat in head.get("cats", [])}
            return found

        new_listing = listing_keys(new)
        stale = sorted(listing_keys(old) - new_listing)
        puts = [dict(listing, pk=pk, sk=sk) for pk, sk in sorted(new_listing)]
        self.table.write_batch(puts=puts + words.puts,
                               deletes=[{"pk": pk, "sk": sk} for pk, sk in stale] + words.deletes)

    def _sync_aliases(self, kind, slug, old, new):
        """Point the new head's aliases at it; drop the old ones it no longer claims.

        An old alias is deleted only while it still points here: when a post is
        renamed and the new file claims the same aliases, the events may come
        in either order and the aliases still end at the new file.
        """
        claimed = (new or {}).get("aliases", [])
        self.table.write_batch(puts=[dict(keys.alias(path), kind=kind, slug=slug, d=new["date"])
                                     for path in claimed])
        values = {":kind": {"S": kind}, ":slug": {"S": slug}}
        for path in sorted(set((old or {}).get("aliases", [])) - set(claimed)):
            try:
                self.table.transact([self.table.delete_action(
                    keys.alias(path), "kind = :kind AND slug = :slug", values)])
            except Conflict:
                pass   # another document claims it now

    def _delete_chunks(self, kind, slug, old):
        self.table.write_batch(deletes=[keys.body_chunk(kind, slug, old["rev"], number)
                                        for number in range(old.get("chunks", 0))])
