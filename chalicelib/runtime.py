"""One warm Lambda instance's state: the index client, settings and page cache.

A cached page is served with no AWS call while it is younger than
``cache_seconds``. After that one GetItem of the site item decides: the
``version`` that every index change bumps, and the time the next scheduled
post goes live. So a change anywhere shows in every instance within
``cache_seconds``, and a scheduled post shows on time.
"""
import hashlib
import logging
import time
from functools import lru_cache
from datetime import datetime, timezone

from chalicelib import aws, render
from chalicelib.background import Background
from chalicelib.cache import CachedPage, PageCache
from chalicelib.config import current_environment, environment_key
from chalicelib.errors import NotFound, StorageUnavailable
from chalicelib.index import PostIndex
from chalicelib.models import parse_timestamp, timestamp
from chalicelib.site import SiteConfig
from chalicelib.views import Blog, error_page
from chalicelib.widgets import RECENT_POSTS_DEFAULT

log = logging.getLogger(__name__)


class Runtime:
    """Settings, sidebar and pages cached for as long as the site is unchanged."""

    def __init__(self, environment, index=None, clock=time.monotonic):
        self.environment = environment
        self.cache = PageCache(environment.page_cache_bytes)
        self._index = index
        self._clock = clock
        self._state = None
        self._config = SiteConfig()
        self._config_json = None
        self._checked_at = None
        self._next_due = None
        self._sidebar = None

    @property
    def index(self):
        """The PostIndex, with its DynamoDB client created on first use."""
        if self._index is None:
            self._index = PostIndex(aws.client("dynamodb"), self.environment.table)
        return self._index

    def expire(self):
        """Forget when the site item was last checked, so the next request checks."""
        self._checked_at = None
        self._state = None

    @property
    def config(self):
        """The site configuration as last read."""
        return self._config

    def refresh(self, now):
        """Re-read the site item if the cache may be stale; drop stale pages."""
        fresh_for = self._config.settings.cache_seconds
        due = self._next_due is not None and now >= self._next_due
        if (self._state is not None and not due
                and self._clock() - self._checked_at < fresh_for):
            return
        if self._state is None:
            # A cold instance: load the theme while the first reads wait on the network.
            Background(render.environment)
        state = self.index.site_state()
        self._checked_at = self._clock()
        if self._state is None or due or state["version"] != self._state["version"] \
                or state["config"] != self._config_json:
            self.cache.clear()
            self._sidebar = None
            if state["config"] != self._config_json:
                self._config = SiteConfig.from_json(state["config"])
                self._config_json = state["config"]
        self._state = state
        upcoming = [entry.get("d", "") for entry in state["scheduled"].values()
                    if entry.get("d", "") > timestamp(now)]
        self._next_due = parse_timestamp(min(upcoming)) if upcoming else None

    def sidebar(self, now):
        """Widget data from the index, computed once per site version."""
        if self._sidebar is None:
            counts = [widget.get("count", RECENT_POSTS_DEFAULT)
                      for area in self._config.widgets.values() for widget in area
                      if widget["type"] == "recent_posts"]
            self._sidebar = self.index.sidebar(self._state["scheduled"], now,
                                               max(counts, default=0))
        return self._sidebar

    def blog(self, links, now):
        """The page builder for one request."""
        return Blog(self.index, self._config, self._state, lambda: self.sidebar(now),
                    links, now, sidebar_ready=self._sidebar is not None)


_runtime = None
_runtime_key = None


def runtime():
    """The instance's Runtime; rebuilt only if the environment names other storage."""
    global _runtime, _runtime_key
    key = environment_key()  # cheap enough for every request, unlike building one
    if _runtime is None or key != _runtime_key:
        environment = current_environment()
        if _runtime is None or _runtime.environment != environment:
            _runtime = Runtime(environment)
        _runtime_key = key
    return _runtime


def expire_runtime():
    """Make the next request re-read the site item (local mode indexes in-process)."""
    if _runtime is not None:
        _runtime.expire()


def reset_runtime():
    """Forget the instance state (tests and local mode switch endpoints)."""
    global _runtime, _runtime_key
    _runtime = _runtime_key = None
    aws.reset_clients()


@lru_cache(maxsize=64)
def cache_control(seconds, status):
    """Cache-Control for a response: shared caches may keep pages ``seconds``."""
    if status >= 500:
        return "no-store"
    if seconds <= 0:
        return "no-cache"
    return f"public, max-age={seconds}, stale-while-revalidate={max(seconds, 60)}"


def make_cached_page(page):
    """Freeze a built Page: encode once, hash once."""
    body = page.body.decode("utf-8") if isinstance(page.body, bytes) else page.body
    encoded = body.encode("utf-8")
    etag = '"' + hashlib.blake2b(encoded, digest_size=12).hexdigest() + '"'
    modified = None
    if page.last_modified:  # feeds only: email.utils costs a cold start ~10 ms
        from email.utils import format_datetime

        modified = format_datetime(page.last_modified.astimezone(timezone.utc), usegmt=True)
    return CachedPage(body=body, content_type=page.content_type, etag=etag,
                      size=len(encoded), last_modified=modified, status=page.status)


def serve(cache_key, links_for, build, now=None):
    """The page for ``cache_key``: from the cache, or built by ``build(blog)``.

    ``links_for(settings)`` gives the request's Links. Never raises: missing
    things become the theme's 404, AWS failures the themed 503.
    """
    now = now or datetime.now(timezone.utc)
    try:
        current = runtime()
        current.refresh(now)
    except Exception as error:  # storage or configuration down: no settings to use
        log.error("cannot read the site settings: %s", error)
        from chalicelib.site import SiteSettings

        settings = SiteSettings()
        return make_cached_page(error_page(settings, links_for(settings), 503,
                                           "The blog is temporarily unavailable.")), 0
    settings = current.config.settings
    cached = current.cache.get(cache_key)
    if cached is not None:
        return cached, settings.cache_seconds
    links = links_for(settings)
    blog = current.blog(links, now)
    try:
        page = make_cached_page(build(blog))
    except NotFound as missing:
        log.info("404 %s: %s", cache_key, missing)
        try:
            page = make_cached_page(blog.not_found())
        except Exception as error:
            log.error("cannot render the 404 page with widgets: %s", error)
            return make_cached_page(error_page(settings, links, 404,
                                               "Nothing lives at this address.")), 0
        current.cache.put(cache_key, page)  # bounded like any page; repeats cost nothing
        return page, settings.cache_seconds
    except StorageUnavailable as error:
        log.error("storage failed for %s: %s", cache_key, error)
        return make_cached_page(error_page(settings, links, 503,
                                           "The blog is temporarily unavailable.")), 0
    except Exception:  # a bug must still get the themed page, never a traceback
        log.exception("error building %s", cache_key)
        return make_cached_page(error_page(settings, links, 503,
                                           "Something went wrong on our side.")), 0
    if page.status == 200:
        current.cache.put(cache_key, page)
    return page, settings.cache_seconds

