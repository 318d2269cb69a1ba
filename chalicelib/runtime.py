"""One warm Lambda instance's page state, and the path of a page request through it.

A cached page is served with no AWS call while it is younger than
``cache_seconds``. After that one GetItem of the site item decides: the
``version`` that every index change bumps, and the time the next scheduled
post goes live. So a change anywhere shows in every instance within
``cache_seconds``, and a scheduled post shows on time.

The site item also carries the sidebar, so a page that must be built reads
it alongside the page's own first read: no page kind waits on more than two
DynamoDB round trips.
"""
import logging
import time
from dataclasses import dataclass
from datetime import datetime, timezone

from chalicelib import render, urls
from chalicelib.background import Background, Lazy
from chalicelib.cache import PageCache
from chalicelib.errors import NotFound, StorageUnavailable
from chalicelib.models import parse_timestamp
from chalicelib.pages import PageBuilder, error_page
from chalicelib.responses import finish, freeze
from chalicelib.sidebar import from_stored_form, not_yet_due
from chalicelib.site import SiteConfig, SiteSettings
from chalicelib.widget_config import recent_posts_shown

log = logging.getLogger(__name__)
CACHED_STATUSES = (200, 301)   # a redirect is kept like the page it points to


@dataclass(frozen=True)
class SiteView:
    """What one version of the site item says: settings, widgets, totals, sidebar."""

    config: SiteConfig
    version: int
    total: int
    sidebar: Lazy  # of SidebarData
    changed: object = None  # datetime of the site's last change (feeds' Last-Modified)

    @property
    def settings(self):
        """The site settings."""
        return self.config.settings


class Instance:
    """The site view and the pages kept for as long as the site is unchanged."""

    def __init__(self, environment, make_index, clock=time.monotonic):
        self.environment = environment
        self.cache = PageCache(environment.page_cache_bytes)
        self._make_index = make_index
        self._index = None
        self._clock = clock
        self.view = None
        self._config = SiteConfig()
        self._config_json = None
        self._checked_at = None
        self._next_due = None

    @property
    def index(self):
        """The PostIndex, with its DynamoDB client created on first use."""
        if self._index is None:
            self._index = self._make_index()
        return self._index

    def expire(self):
        """Forget the site view, so the next request reads the site item."""
        self._checked_at = None
        self.view = None

    def needs_check(self, now):
        """True when the site item must be read before a page can be trusted."""
        if self.view is None:
            return True
        if self._next_due is not None and now >= self._next_due:
            return True
        return self._clock() - self._checked_at >= self.view.settings.cache_seconds

    def refresh(self, now):
        """Read the site item; on any change drop the cached pages. Returns the SiteView."""
        index = self.index  # on a cold instance, this builds the DynamoDB client
        if self.view is None:
            # A cold instance: load the theme while the first reads wait on the
            # network (not before: building the client is CPU work as well).
            Background(render.environment)
        due = self._next_due is not None and now >= self._next_due
        state = index.site_state()
        self._checked_at = self._clock()
        if self.view is None or due or state["version"] != self.view.version \
                or state["config"] != self._config_json:
            self.cache.clear()
            if state["config"] != self._config_json:
                self._config = SiteConfig.from_json(state["config"])
                self._config_json = state["config"]
            self.view = SiteView(config=self._config, version=state["version"],
                                 total=state["total"], sidebar=self._sidebar(state, now),
                                 changed=state.get("changed"))
        upcoming = [entry["d"] for entry in not_yet_due(state["scheduled"], now)]
        self._next_due = parse_timestamp(min(upcoming)) if upcoming else None
        return self.view

    def _sidebar(self, state, now):
        scheduled = state["scheduled"]
        if state["sidebar"]:
            stored = state["sidebar"]
            return Lazy(lambda: from_stored_form(stored, scheduled, now))
        # A site item from before sidebar snapshots: read the aggregates instead.
        shown = recent_posts_shown(self._config.widgets)
        index = self.index
        return Lazy(lambda: index.sidebar(scheduled, now, shown))


def _error(settings, request, status, message):
    page = error_page(settings, urls.links_for(request, settings.base_url), status, message)
    return freeze(page), 0


def _unavailable(instance, settings, request):
    """The last good copy of the page if there is one (stale-if-error), else the themed 503."""
    stale = instance.cache.stale(request.cache_key)
    if stale is not None:
        log.warning("storage failing: serving the last good copy of %s", request.path)
        return stale, 0
    return _error(settings, request, 503, "The blog is temporarily unavailable.")


def _site_for(instance, request, now):
    """(cached page or None, Lazy SiteView): read the site item only when it must be."""
    key = request.cache_key
    if not instance.needs_check(now):
        return instance.cache.get(key), Lazy.of(instance.view)
    cached = instance.cache.get(key) if instance.view is not None else None
    if cached is not None:
        view = instance.refresh(now)  # one GetItem decides whether the page still holds
        return instance.cache.get(key), Lazy.of(view)
    # The page will be built whatever the site item says: read both at once.
    site = Lazy(lambda: instance.refresh(now))
    site.start()
    return None, site


def current_settings(instance, now):
    """The site settings, reading the site item only when the instance's copy may be stale."""
    view = instance.refresh(now) if instance.needs_check(now) else instance.view
    return view.settings


def build_page(instance, request, build, now):
    """(CachedPage, max-age) for ``request``: from the cache, or ``build(builder)``.

    Never raises: missing things become the theme's 404, AWS failures and
    bugs the themed 503.
    """
    try:
        cached, site = _site_for(instance, request, now)
    except Exception as error:  # storage or configuration down: use what we last knew
        log.error("cannot read the site settings: %s", error)
        return _unavailable(instance, _known_settings(instance), request)
    if cached is not None:
        return cached, instance.view.settings.cache_seconds
    builder = PageBuilder(instance.index, site, request, now)
    try:
        page = freeze(build(builder))
    except NotFound as missing:
        log.info("404 %s: %s", request.path, missing)
        try:
            page = freeze(builder.not_found())
        except Exception as error:
            log.error("cannot render the 404 page with widgets: %s", error)
            return _error(_settings_or_default(site), request, 404,
                          "Nothing lives at this address.")
        instance.cache.put(request.cache_key, page)  # bounded; repeats cost nothing
        return page, builder.settings.cache_seconds
    except StorageUnavailable as error:
        log.error("storage failed for %s: %s", request.path, error)
        return _unavailable(instance, _settings_or_default(site), request)
    except Exception:  # a bug must still get the themed page, never a traceback
        log.exception("error building %s", request.path)
        return _error(_settings_or_default(site), request, 503,
                      "Something went wrong on our side.")
    if page.status in CACHED_STATUSES:
        instance.cache.put(request.cache_key, page)
    return page, builder.settings.cache_seconds


def _settings_or_default(site):
    try:
        return site.value().settings
    except Exception:  # the site item itself could not be read
        return SiteSettings()


def _known_settings(instance):
    return instance.view.settings if instance.view is not None else SiteSettings()


def cached_answer(instance, request, now=None):
    """The answer to ``request`` from a cached page still fresh, or None. No AWS call."""
    if instance.needs_check(now or datetime.now(timezone.utc)):
        return None
    page = instance.cache.get(request.cache_key)
    if page is None:
        return None
    settings = instance.view.settings
    links = urls.links_for(request, settings.base_url)
    return finish(page, settings.cache_seconds, request, https=links.base.startswith("https://"))


def answer(instance, request, build, now=None):
    """The HTTP Response to ``request``, whose page ``build(PageBuilder)`` makes."""
    page, max_age = build_page(instance, request, build, now or datetime.now(timezone.utc))
    links = urls.links_for(request, _known_settings(instance).base_url)
    return finish(page, max_age, request, https=links.base.startswith("https://"))
