"""Bring the index and the variants in step with one media key's current state.

Like ``sync.sync_key`` for posts, it reads what the bucket holds now, so late,
repeated or out-of-order events converge. It never reacts to a key under
``media/_v/``: those are its own output, and reacting would loop (S3 event ->
variants -> S3 event ...) and bill without end.

After the media changes, the posts that refer to it are indexed again, so
their stored HTML gets (or loses) the image's size and srcset whichever of
the two was uploaded first.
"""
import logging

from chalicelib.content import classify_key
from chalicelib.errors import ContentError
from chalicelib.media import MediaError, digest_of, is_variant_key, make_variants
from chalicelib.sync import SyncResult

log = logging.getLogger(__name__)


def sync_media(key, media_store, index, refresh_source, force=False):
    """Make the index and the variants reflect media ``key`` as it is in S3 now.

    ``refresh_source(source_key)`` indexes a post or page again (with force).
    """
    if is_variant_key(key):
        return SyncResult(key, "ignored", "a variant (the handler's own output)")
    stored = media_store.fetch_whole(key)
    known = index.media(key)
    if stored is None:
        media_store.delete_variants(media_store.variant_keys(key))
        index.remove_media(key)
        index.clear_error(key)
        _refresh_users(key, index, refresh_source)
        return SyncResult(key, "removed" if known else "unchanged", "object is gone")
    if known is not None and known.digest and not force and _same_bytes(known, stored):
        index.clear_error(key)
        return SyncResult(key, "unchanged", "already indexed")
    try:
        info = make_variants(stored.data, key)
    except MediaError as error:
        log.error("cannot use media %s: %s", key, error)
        media_store.delete_variants(media_store.variant_keys(key))
        index.remove_media(key)
        index.record_error(key, error.reason, None)
        if known is not None:
            _refresh_users(key, index, refresh_source)
        return SyncResult(key, "error", str(error))
    written = [*info.variants, *([info.classic] if info.classic else [])]
    for variant in written:
        media_store.put_variant(variant)
    stale = set(media_store.variant_keys(key)) - {variant.key for variant in written}
    media_store.delete_variants(sorted(stale))
    index.put_media(info)
    index.clear_error(key)
    refreshed = _refresh_users(key, index, refresh_source)
    size = f"{info.width}x{info.height}, " if info.is_image else ""
    return SyncResult(key, "indexed", f"{size}{len(written)} variants"
                           + (f", {refreshed} posts refreshed" if refreshed else ""))


def _same_bytes(known, stored):
    return known.digest == digest_of(stored.data)


def _refresh_users(key, index, refresh_source):
    """Index again every post that refers to ``key``; forget those that no longer do."""
    refreshed = 0
    for source_key in sorted(index.media_users(key)):
        refresh_source(source_key)
        try:
            source = classify_key(source_key)
        except ContentError:
            refs = []
        else:
            refs = index.media_refs(source.kind, source.slug)
        if key in refs:
            refreshed += 1
        else:
            index.forget_media_user(key, source_key)
    return refreshed
