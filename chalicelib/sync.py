"""Bring the index in step with one S3 key's current state.

Every path that publishes goes through ``sync_key``: the S3 event handler,
``blog publish``, ``blog reindex`` and local mode. It never trusts an event's
order or kind: it reads what the bucket holds now and makes the index say
the same, so late, repeated or out-of-order events all converge.
"""
import logging
from dataclasses import dataclass
from datetime import datetime, timezone

from chalicelib.aws import is_transient
from chalicelib.content import classify_key, parse_document
from chalicelib.document_media import apply_media
from chalicelib.errors import ContentError
from chalicelib.index import UNREAD
from chalicelib.dynamodb import Conflict
from chalicelib.store import CONTENT_PREFIXES

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
MAX_REASON = 500


@dataclass(frozen=True)
class SyncResult:
    """What ``sync_key`` did: indexed, removed, unchanged, draft, error or ignored."""

    key: str
    action: str
    detail: str = ""


CHANGES = {"indexed", "removed", "draft"}


def sync_key(key, store, index, settings, force=False, refresh_sidebar=True,
             on_rendered=None):
    """Make the index reflect ``key`` as it is in S3 now.

    After indexing, the object's ETag is read again: if S3 changed meanwhile
    (a newer upload, a delete) the key is synced again, so whichever handler
    finishes last leaves the index matching S3. Transient AWS faults raise
    (the S3 event is retried); anything else about the object is recorded as
    its error and never raises. After a change the site item's sidebar
    snapshot is refreshed, unless the caller loads many keys and refreshes
    once at the end (``refresh_sidebar``). ``on_rendered`` is called between
    rendering and writing (tests stall a handler there).
    """
    if not key.startswith(CONTENT_PREFIXES):
        return SyncResult(key, "ignored", "not under posts/ or pages/")
    changed = False
    for attempt in range(MAX_ATTEMPTS):
        try:
            result, seen = _sync_once(key, store, index, settings, force, on_rendered)
        except Conflict:
            log.info("%s changed while indexing (attempt %d); retrying", key, attempt + 1)
            force = True  # a concurrent writer may have overwritten this revision's body
            continue
        except Exception as error:  # sorted into retry-later (raise) and poison (record)
            if is_transient(error):
                raise
            log.exception("cannot index %s", key)
            reason = f"could not be indexed ({type(error).__name__}): {error}"[:MAX_REASON]
            return _record(index, key, ContentError(reason, key=key))
        changed = changed or result.action in CHANGES
        if store.etag(key) == seen:
            if refresh_sidebar and changed:
                index.refresh_sidebar()
            return result
        log.info("%s changed in S3 while indexing (attempt %d); again", key, attempt + 1)
    return SyncResult(key, "error", "gave up after repeated concurrent updates")


def _sync_once(key, store, index, settings, force, on_rendered=None):
    """(SyncResult, the ETag the index now reflects, or None for a missing object)."""
    try:
        source_key = classify_key(key)
    except ContentError as error:
        source = store.get(key)
        if source is None:
            index.clear_error(key)
            return SyncResult(key, "ignored", "deleted"), None
        return _record(index, key, error), source.etag

    source = store.get(key)
    if source is None:
        removed = index.remove(source_key.kind, source_key.slug)
        index.clear_error(key)
        return SyncResult(key, "removed" if removed else "unchanged", "object is gone"), None

    stored, had_error = UNREAD, True
    if not force:
        stored, had_error = index.stored_and_error(source_key.kind, source_key.slug, key)
        if stored.head and stored.head.get("etag") == source.etag:
            if had_error:
                index.clear_error(key)
            return SyncResult(key, "unchanged", "already indexed"), source.etag

    parsed = parse_source(source, settings)
    if on_rendered is not None:
        on_rendered(key)
    return apply_parsed(key, parsed, source, index, settings, old=stored,
                        had_error=had_error), source.etag


def parse_source(source, settings):
    """A SourceObject parsed: its Document, or the ContentError that stops it.

    Pure (no AWS), so a bulk loader may run it in other processes.
    """
    try:
        return parse_document(source.data, source.key, source.last_modified, settings)
    except ContentError as error:
        return error
    except RecursionError:  # the pre-checks should stop it first; never crash on it
        return ContentError("nested too deeply to render", key=source.key)


def apply_parsed(key, parsed, source, index, settings, old=UNREAD, had_error=True):
    """Bring the index in step with ``parsed`` (a Document or a ContentError).

    ``old`` is the index's Stored document if the caller has just read it; ``had_error``
    False when the caller knows no error is recorded for ``key``.
    """
    if isinstance(parsed, ContentError):
        return _record(index, key, parsed)
    if parsed.draft:
        removed = index.remove(parsed.kind, parsed.slug)
        if had_error:
            index.clear_error(key)
        return SyncResult(key, "draft", "unpublished" if removed else "not published")

    parsed = apply_media(parsed, index.media)
    revision = index.upsert(parsed, source.etag, source.last_modified, settings.tzinfo,
                            old=old)
    for media_key in parsed.media_keys:
        index.add_media_user(media_key, key)
    if had_error:
        index.clear_error(key)
    scheduled = parsed.date > datetime.now(timezone.utc)
    return SyncResult(key, "indexed", f"revision {revision}" + (
        f", scheduled for {parsed.date:%Y-%m-%d %H:%M} UTC" if scheduled else ""))


def _record(index, key, error):
    log.error("cannot publish %s: %s", key, error)
    index.record_error(key, error.reason, error.line)
    return SyncResult(key, "error", str(error))
