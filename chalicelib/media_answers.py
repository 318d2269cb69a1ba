"""The HTTP answer for ``/media/<path>``: the object's bytes, safely typed and cached.

Every answer is one S3 GetObject at most (S3 itself answers a matching
``If-None-Match``), never held in the page cache: deleting an object shows at
once, and a shared cache keeps an original for ``cache_seconds`` only. The type
comes from the allowlist by extension, never from what was stored or sniffed.
"""
from chalicelib.media import content_type, is_variant_key, key_for_path
from chalicelib.media_store import VARIANT_CACHE_CONTROL
from chalicelib.responses import Response, cache_control

# Script in an SVG must never run on the blog's origin, even opened on its own.
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
FILE_POLICY = "default-src 'none'; sandbox"


def media_key(path):
    """The bucket key a ``/media/`` route path names, or None when nothing may live there."""
    key = key_for_path("/media/" + path)
    if key is None or content_type(key) is None:
        return None
    return key


def answer_media(store, key, request, cache_seconds):
    """The Response for media ``key``, or None when there is no such object."""
    if_none_match = request.headers.get("if-none-match")
    found = store.fetch(key, if_none_match=_first_tag(if_none_match))
    if found is None:
        return None
    kind = content_type(key)
    headers = {
        "Content-Type": kind,
        "ETag": f'"{found.etag}"',
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": SVG_POLICY if kind == "image/svg+xml" else FILE_POLICY,
        "Cache-Control": (VARIANT_CACHE_CONTROL if is_variant_key(key)
                          else cache_control(cache_seconds, 200)),
    }
    if found.not_modified:
        return Response(status=304, headers=headers, body=b"")
    if found.data is None:  # too big for a Lambda answer: the reader fetches it from S3
        return Response(status=302, headers={
            "Location": store.presigned_url(key), "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff"}, body=b"")
    body = b"" if request.method == "HEAD" else found.data
    return Response(status=200, headers=headers, body=body)


def _first_tag(header):
    """S3 takes one ETag; a list of them (rare from browsers) is not forwarded."""
    if not header or "," in header:
        return None
    return header.strip()
