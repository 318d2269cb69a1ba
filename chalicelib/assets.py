"""The theme's static files: the stylesheet, the icon and the feeds' XSL.

Each is rendered once per process from ``templates/`` and served at
``/theme/<stem>.<hash>.<ext>``: the hash of its bytes is in the address, so a
browser or CloudFront may keep it for a year, and a new theme gets new
addresses. Pages link a served stylesheet rather than inline ``<style>``, so
the Content-Security-Policy needs no ``'unsafe-inline'`` and no hashes, and a
reader's browser fetches the CSS once for the whole site. No asset needs
AWS: they answer even while storage is down.
"""
import hashlib
from dataclasses import dataclass
from functools import lru_cache

from chalicelib import urls

YEAR = 365 * 24 * 3600
# An address with an old hash (a page cached before a deploy) still gets the
# current file, but only for a few minutes.
STALE_SECONDS = 300
FAVICON_SECONDS = 24 * 3600  # /favicon.ico has no hash in its address
# file name -> (template it is rendered from, content type)
ASSETS = {
    "style.css": ("theme.css", "text/css; charset=utf-8"),
    "icon.svg": ("icon.svg", "image/svg+xml"),
    "feed.xsl": ("feed.xsl", "text/xsl; charset=utf-8"),
}


@dataclass(frozen=True)
class Asset:
    """One rendered theme file and the site path that names its current bytes."""

    body: str
    content_type: str
    path: str


def _split(name):
    """'style.0123abcd.css' -> ('style.css', '0123abcd'); anything else -> (name, None)."""
    stem, dot, rest = name.partition(".")
    digest, dot2, ext = rest.partition(".")
    if not (dot and dot2):
        return name, None
    return f"{stem}.{ext}", digest


@lru_cache(maxsize=None)
def asset(name):
    """The Asset called ``name`` (an ASSETS key), rendered from the theme once."""
    from chalicelib.render import environment

    template, content_type = ASSETS[name]
    context = {}
    if name == "feed.xsl":  # a feed page is styled like the blog
        context = {"stylesheet": asset("style.css").path, "icon": asset("icon.svg").path}
    body = environment().get_template(template).render(**context)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:12]
    stem, ext = name.rsplit(".", 1)
    return Asset(body=body, content_type=content_type,
                 path=urls.theme_asset(f"{stem}.{digest}.{ext}"))


def find(name):
    """(Asset, seconds it may be cached) for a requested file name, or None."""
    plain, digest = _split(name)
    if plain not in ASSETS:
        return None
    found = asset(plain)
    current = found.path.rsplit("/", 1)[1] == name
    return found, YEAR if current else STALE_SECONDS


@lru_cache(maxsize=None)
def frozen(theme_file):
    """The asset as a cached page: encoded and hashed (ETag) once."""
    from chalicelib.responses import Page, freeze

    return freeze(Page(body=theme_file.body, content_type=theme_file.content_type))


def paths():
    """Site paths of the current stylesheet and icon, for every page's <head>."""
    return {"stylesheet": asset("style.css").path, "icon": asset("icon.svg").path,
            "feed_xsl": asset("feed.xsl").path}
