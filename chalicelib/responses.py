"""HTTP for every answer: the request as a plain value, headers, ETags, 304s, caching.

``app.py`` turns Chalice's request into a ``Request``; page builders return a
``Page``; ``freeze`` encodes and hashes it once for the page cache, and
``finish`` makes the ``Response`` with its headers, answering conditional
requests with 304 and HEAD without a body.
"""
import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache

from chalicelib.cache import CachedPage

HTML = "text/html; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
XML = "application/xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class Request:
    """What an answer may depend on: method, path, query, headers, API stage."""

    method: str = "GET"
    path: str = "/"
    query: dict = field(default_factory=dict)
    headers: dict = field(default_factory=dict)  # lower-case names
    stage: str | None = None

    @property
    def cache_key(self):
        """The page cache's key: host, path and the sorted query."""
        from urllib.parse import urlencode

        query = urlencode(sorted(self.query.items())) if self.query else ""
        return f"{self.headers.get('host', '')}{self.path}?{query}"


@dataclass
class Page:
    """A response body with its status and type, as a page builder made it."""

    body: str | bytes
    content_type: str = HTML
    status: int = 200
    last_modified: datetime | None = None
    location: str | None = None   # where a redirect (301) points


@dataclass(frozen=True)
class Response:
    """A finished HTTP answer."""

    status: int
    headers: dict
    body: str = ""


def freeze(page):
    """A CachedPage of ``page``: encoded once, hashed once."""
    body = page.body.decode("utf-8") if isinstance(page.body, bytes) else page.body
    encoded = body.encode("utf-8")
    etag = '"' + hashlib.blake2b(encoded, digest_size=12).hexdigest() + '"'
    modified = None
    if page.last_modified:  # feeds only: email.utils costs a cold start ~10 ms
        from email.utils import format_datetime

        modified = format_datetime(page.last_modified.astimezone(timezone.utc), usegmt=True)
    return CachedPage(body=body, content_type=page.content_type, etag=etag,
                      size=len(encoded), last_modified=modified, status=page.status,
                      location=page.location)


@lru_cache(maxsize=64)
def cache_control(seconds, status):
    """Cache-Control for a response: shared caches may keep pages ``seconds``."""
    if status >= 500:
        return "no-store"
    if seconds <= 0:
        return "no-cache"
    return f"public, max-age={seconds}, stale-while-revalidate={max(seconds, 60)}"


def not_modified(headers, page):
    """RFC 9110: If-None-Match decides when present, else If-Modified-Since."""
    if_none_match = headers.get("if-none-match")
    if if_none_match:
        return page.etag in {tag.strip() for tag in if_none_match.split(",")}
    if not page.last_modified:
        return False
    since = headers.get("if-modified-since")
    if not since:
        return False
    from email.utils import parsedate_to_datetime  # feeds only; ~10 ms of cold start

    try:
        return parsedate_to_datetime(page.last_modified) <= parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False


def finish(page, max_age, request):
    """The HTTP answer to ``request`` with the cached ``page``."""
    headers = {"Content-Type": page.content_type, "ETag": page.etag,
               "Cache-Control": cache_control(max_age, page.status)}
    if page.last_modified:
        headers["Last-Modified"] = page.last_modified
    if page.location:
        headers["Location"] = page.location
    if page.status == 200 and not_modified(request.headers, page):
        return Response(status=304, headers=headers)
    body = "" if request.method == "HEAD" else page.body
    return Response(status=page.status, headers=headers, body=body)
