"""HTTP for every answer: the request as a plain value, headers, ETags, 304s, caching.

``app.py`` turns Chalice's request into a ``Request``; page builders return a
``Page``; ``freeze`` encodes and hashes it once for the page cache, and
``finish`` makes the ``Response`` with its headers, answering conditional
requests with 304 and HEAD without a body.
"""
import base64
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cached_property, lru_cache

from chalicelib.cache import CachedPage

HTML = "text/html; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
XML = "application/xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
STYLE_BLOCK = re.compile(r"<style>(.*?)</style>", re.DOTALL)


@dataclass(frozen=True)
class Request:
    """What an answer may depend on: method, path, query, headers, API stage."""

    method: str = "GET"
    path: str = "/"
    query: dict = field(default_factory=dict)
    headers: dict = field(default_factory=dict)  # lower-case names
    stage: str | None = None

    @cached_property
    def origin(self):
        """(scheme, host, stage prefix), from validated values only (urls.request_origin)."""
        from chalicelib.urls import request_origin

        return request_origin(self)

    @cached_property
    def cache_key(self):
        """The page cache's key: everything a page takes from the request.

        That is the path, the sorted query and the validated origin (scheme,
        host, stage prefix) its links are made from; base_url is the site's,
        and a change of settings empties the cache.
        """
        from urllib.parse import urlencode

        scheme, host, stage = self.origin
        query = urlencode(sorted(self.query.items())) if self.query else ""
        return f"{scheme}://{host}{stage}\n{self.path}?{query}"


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
    base64: str | None = None  # the body as API Gateway takes it, when already made


def freeze(page):
    """A CachedPage of ``page``: encoded once, hashed once."""
    body = page.body.decode("utf-8") if isinstance(page.body, bytes) else page.body
    encoded = body.encode("utf-8")
    etag = '"' + hashlib.blake2b(encoded, digest_size=12).hexdigest() + '"'
    html = page.content_type == HTML
    inline_styles = tuple(STYLE_BLOCK.findall(body)) if html else ()
    modified = None
    if page.last_modified:  # feeds only: email.utils costs a cold start ~10 ms
        from email.utils import format_datetime

        modified = format_datetime(page.last_modified.astimezone(timezone.utc), usegmt=True)
    # API Gateway takes every answer base64-encoded (app.BlogApp): done once here.
    base64_body = base64.b64encode(encoded).decode("ascii")
    return CachedPage(body=body, content_type=page.content_type, etag=etag,
                      size=len(encoded) + len(base64_body), base64=base64_body,
                      last_modified=modified, status=page.status,
                      location=page.location,
                      policy=content_security_policy(html, inline_styles))


@lru_cache(maxsize=16)
def content_security_policy(html=True, inline_styles=()):
    """The CSP of an answer: HTML runs no script at all and takes styles only from
    the site (and its own <style> blocks, by hash); feeds may load the site's XSLT."""
    if not html:
        return "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    hashes = "".join(
        f" 'sha256-{base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()}'"
        for style in dict.fromkeys(inline_styles))
    return ("default-src 'none'; script-src 'none'; "
            f"style-src 'self'{hashes}; img-src 'self' https: data:; media-src 'self' https:; "
            # connect-src: crawlers and audits (Lighthouse) fetch /robots.txt from the page.
            "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
            "frame-ancestors 'none'")


@lru_cache(maxsize=64)
def cache_control(seconds, status):
    """Cache-Control for a response: shared caches may keep pages ``seconds``."""
    if status >= 500:
        return "no-store"
    if seconds <= 0:
        return "no-cache"
    return f"public, max-age={seconds}, stale-while-revalidate={max(seconds, 60)}"


def _opaque(tag):
    """An entity tag without its weak prefix: If-None-Match compares weakly."""
    tag = tag.strip()
    return tag[2:] if tag.startswith(("W/", "w/")) else tag


def not_modified(headers, page):
    """RFC 9110: If-None-Match decides when present (``*`` and weak tags included),
    else If-Modified-Since."""
    if_none_match = headers.get("if-none-match")
    if if_none_match:
        tags = {_opaque(tag) for tag in if_none_match.split(",")}
        return "*" in tags or page.etag in tags
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


SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                          "interest-cohort=()",
    "X-Frame-Options": "DENY",
}
HSTS = "max-age=31536000"
RETRY_AFTER_SECONDS = "30"


def finish(page, max_age, request, https=False):
    """The HTTP answer to ``request`` with the cached ``page``.

    Every answer carries the security headers; HSTS when the public address
    (``https``) is https; a 503 says when to try again.
    """
    headers = {"Content-Type": page.content_type, "ETag": page.etag,
               "Cache-Control": cache_control(max_age, page.status),
               "Content-Security-Policy": page.policy or content_security_policy(),
               **SECURITY_HEADERS}
    if https:
        headers["Strict-Transport-Security"] = HSTS
    if page.status == 503:
        headers["Retry-After"] = RETRY_AFTER_SECONDS
    if page.last_modified:
        headers["Last-Modified"] = page.last_modified
    if page.location:
        headers["Location"] = page.location
    if page.status == 200 and not_modified(request.headers, page):
        return Response(status=304, headers=headers)
    if request.method == "HEAD":
        return Response(status=page.status, headers=headers)
    return Response(status=page.status, headers=headers, body=page.body, base64=page.base64)
