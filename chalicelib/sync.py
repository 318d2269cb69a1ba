"""Bring the index in step with one S3 key's current state.

Every path that publishes goes through ``sync_key``: the S3 event handler,
``blog publish``, ``blog reindex`` and local mode. It never trusts an event's
order or kind: it reads what the bucket holds now and makes the index say
the same, so late, repeated or out-of-order events all converge.
"""
import logging
from dataclasses import dataclass
from datetime import datetime, timezone

from chalicelib.content import classify_key, parse_document
from chalicelib.errors import ContentError
from chalicelib.dynamodb import Conflict
from chalicelib.store import CONTENT_PREFIXES

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class SyncResult:
    """What ``sync_key`` did: indexed, removed, unchanged, draft, error or ignored."""

    key: str
    action: str
    detail: str = ""


CHANGES = {"indexed", "removed", "draft"}


def sync_key(key, store, index, settings, force=False, refresh_sidebar=True):
    """Make the index reflect ``key`` as it is in S3 now.

    After a change the site item's sidebar snapshot is refreshed, unless the
    caller loads many keys and refreshes once at the end (``refresh_sidebar``).
    """
    if not key.startswith(CONTENT_PREFIXES):
        return SyncResult(key, "ignored", "not under posts/ or pages/")
    for attempt in range(MAX_ATTEMPTS):
        try:
            result = _sync_once(key, store, index, settings, force)
        except Conflict:
            log.info("%s changed while indexing (attempt %d); retrying", key, attempt + 1)
            continue
        if refresh_sidebar and result.action in CHANGES:
            index.refresh_sidebar()
        return result
    return SyncResult(key, "error", "gave up after repeated concurrent updates")


def _sync_once(key, store, index, settings, force):
    try:
        source_key = classify_key(key)
    except ContentError as error:
        source = store.get(key)
        if source is None:
            index.clear_error(key)
            return SyncResult(key, "ignored", "deleted")
        return _record(index, key, error)

    source = store.get(key)
    if source is None:
        removed = index.remove(source_key.kind, source_key.slug)
        index.clear_error(key)
        return SyncResult(key, "removed" if removed else "unchanged", "object is gone")

    if not force:
        head = index.head(source_key.kind, source_key.slug)
        if head and head.get("etag") == source.etag:
            index.clear_error(key)
            return SyncResult(key, "unchanged", "already indexed")

    return apply_parsed(key, parse_source(source, settings), source, index, settings)


def parse_source(source, settings):
    """A SourceObject parsed: its Document, or the ContentError that stops it.

    Pure (no AWS), so a bulk loader may run it in other processes.
    """
    try:
        return parse_document(source.data, source.key, source.last_modified, settings)
    except ContentError as error:
        return error


def apply_parsed(key, parsed, source, index, settings):
    """Bring the index in step with ``parsed`` (a Document or a ContentError)."""
    if isinstance(parsed, ContentError):
        return _record(index, key, parsed)
    if parsed.draft:
        removed = index.remove(parsed.kind, parsed.slug)
        index.clear_error(key)
        return SyncResult(key, "draft", "unpublished" if removed else "not published")

    revision = index.upsert(parsed, source.etag, source.last_modified, settings.tzinfo)
    index.clear_error(key)
    scheduled = parsed.date > datetime.now(timezone.utc)
    return SyncResult(key, "indexed", f"revision {revision}" + (
        f", scheduled for {parsed.date:%Y-%m-%d %H:%M} UTC" if scheduled else ""))


def _record(index, key, error):
    log.error("cannot publish %s: %s", key, error)
    index.record_error(key, error.reason, error.line)
    return SyncResult(key, "error", str(error))
