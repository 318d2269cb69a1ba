"""One warm Lambda instance's page state, and the path of a page request through it.

A cached page is served with no AWS call while it is younger than
``cache_seconds``. After that one GetItem of the site item decides: the
``version`` that every index change bumps, and the time the next scheduled
post goes live. So a change anywhere shows in every instance within
``cache_seconds``, and a scheduled post shows on time.
"""
import logging
import time
from datetime import datetime, timezone

from chalicelib import render, urls
from chalicelib.background import Background, Lazy
from chalicelib.cache import PageCache
from chalicelib.errors import NotFound, StorageUnavailable
from chalicelib.models import parse_timestamp
from chalicelib.pages import PageBuilder, error_page
from chalicelib.responses import finish, freeze
from chalicelib.sidebar import not_yet_due
from chalicelib.site import SiteConfig, SiteSettings
from chalicelib.widget_config import RECENT_POSTS_DEFAULT

log = logging.getLogger(__name__)


class Instance:
    """Settings, sidebar and pages kept for as long as the site is unchanged."""

    def __init__(self, environment, make_index, clock=time.monotonic):
        self.environment = environment
        self.cache = PageCache(environment.page_cache_bytes)
        self._make_index = make_index
        self._index = None
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
            self._index = self._make_index()
        return self._index

    @property
    def config(self):
        """The site configuration as last read."""
        return self._config

    def expire(self):
        """Forget when the site item was last checked, so the next request checks."""
        self._checked_at = None
        self._state = None

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
        upcoming = [entry["d"] for entry in not_yet_due(state["scheduled"], now)]
        self._next_due = parse_timestamp(min(upcoming)) if upcoming else None

    def sidebar(self, now):
        """Widget data from the index, read at most once per site version."""
        if self._sidebar is None:
            counts = [widget.get("count", RECENT_POSTS_DEFAULT)
                      for area in self._config.widgets.values() for widget in area
                      if widget["type"] == "recent_posts"]
            index, scheduled = self.index, self._state["scheduled"]
            self._sidebar = Lazy(lambda: index.sidebar(scheduled, now, max(counts, default=0)))
        return self._sidebar

    def builder(self, links, now):
        """The page builder for one request."""
        return PageBuilder(self.index, self._config, self._state, self.sidebar(now), links, now)


def _unavailable(instance, key, settings, links, message):
    """The last good copy of the page if there is one (stale-if-error), else the themed 503."""
    stale = instance.cache.stale(key)
    if stale is not None:
        log.warning("serving a stale copy of %s while storage fails", key.rsplit("\n", 1)[-1])
        return stale, 0
    return freeze(error_page(settings, links, 503, message)), 0


def build_page(instance, request, build, now):
    """(CachedPage, max-age, Links) for ``request``: from the cache, or ``build(builder)``.

    Never raises: missing things become the theme's 404, AWS failures the
    last good copy of the page or the themed 503, and bugs the themed 503.
    """
    try:
        instance.refresh(now)
        failure = None
    except Exception as error:  # storage or configuration down: use what we last knew
        log.error("cannot read the site settings: %s", error)
        failure = error
    settings = instance.config.settings
    links = urls.links_for(request, settings.base_url)
    key = request.cache_key(links)
    if failure is not None:
        return _unavailable(instance, key, settings, links,
                            "The blog is temporarily unavailable.") + (links,)
    cached = instance.cache.get(key)
    if cached is not None:
        return cached, settings.cache_seconds, links
    builder = instance.builder(links, now)
    try:
        page = freeze(build(builder))
    except NotFound as missing:
        log.info("404 %s: %s", request.path, missing)
        try:
            page = freeze(builder.not_found())
        except Exception as error:
            log.error("cannot render the 404 page with widgets: %s", error)
            return freeze(error_page(settings, links, 404, "Nothing lives at this address.")), \
                0, links
        instance.cache.put(key, page)  # bounded like any page; repeats cost nothing
        return page, settings.cache_seconds, links
    except StorageUnavailable as error:
        log.error("storage failed for %s: %s", request.path, error)
        return _unavailable(instance, key, settings, links,
                            "The blog is temporarily unavailable.") + (links,)
    except Exception:  # a bug must still get the themed page, never a traceback
        log.exception("error building %s", request.path)
        return freeze(error_page(settings, links, 503, "Something went wrong on our side.")), \
            0, links
    if page.status == 200:
        instance.cache.put(key, page)
    return page, settings.cache_seconds, links


def answer(instance, request, build, now=None):
    """The HTTP Response to ``request``, whose page ``build(PageBuilder)`` makes."""
    page, max_age, links = build_page(instance, request, build,
                                      now or datetime.now(timezone.utc))
    return finish(page, max_age, request, https=links.base.startswith("https://"))
