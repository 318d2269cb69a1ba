"""Page builders: index data plus the theme, one method per page kind.

Each returns a ``responses.Page``; none touches S3, and listings read only
the index. Missing things raise ``NotFound``, which the runtime turns into
the theme's 404 page. A page's own first read that does not depend on the
settings is made before waiting for them, so it overlaps the site item's.
"""
from datetime import datetime, timezone
from functools import cached_property

from chalicelib import assets, keys, redirects, structured_data, urls
from chalicelib.errors import NotFound
from chalicelib.ranking import rank
from chalicelib.render import MONTH_NAMES, render
from chalicelib.responses import TEXT, XML, Page
from chalicelib.text import query_terms
from chalicelib.widgets import AREA_NAMES, AREAS, area_views

MAX_QUERY_LENGTH = 200
MAX_PAGE = 10_000
FIRST_YEAR, LAST_YEAR = 1970, 9999
# Feeds are served as application/xml: browsers show application/atom+xml and
# application/rss+xml as raw text and never apply the feed's XSL, while feed
# readers go by the document itself (autodiscovery links keep the precise types).
FEED_FORMATS = {"atom": (urls.ATOM, XML), "rss": (urls.RSS, XML)}
LABEL_NOUNS = {keys.TAG: ("Tag", "tagged"), keys.CATEGORY: ("Category", "filed under")}


def page_number(raw):
    """The ?page=N value; anything that is not a whole number from 1 is a 404."""
    if raw is None:
        return 1
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_PAGE:
        raise NotFound(f"bad page number {raw!r}")
    return int(raw)


def _theme_context(settings, links):
    """What every template may use: the site and this request's links."""
    return {"site": settings, "url": links.url, "absolute": links.absolute,
            "area_names": AREA_NAMES, "area_order": AREAS, "assets": assets.paths()}


class PageBuilder:
    """Builds every page of one request from the index and the site view.

    ``site`` is a ``background.Lazy`` of the runtime's SiteView (settings,
    widgets, sidebar), possibly still being read when a page method starts.
    """

    def __init__(self, index, site, request, now=None):
        self.index = index
        self.site = site
        self.request = request
        self.now = now or datetime.now(timezone.utc)

    @property
    def settings(self):
        """The site settings (waits for the site item if it is still being read)."""
        return self.site.value().settings

    @property
    def sidebar(self):
        """The widgets' data from the index."""
        return self.site.value().sidebar.value()

    @cached_property
    def links(self):
        """How this request's pages link."""
        return urls.links_for(self.request, self.settings.base_url)

    # -- shared context ------------------------------------------------------

    def _render(self, template, status=200, **context):
        sidebar = self.sidebar
        areas = area_views(self.site.value().config.widgets, sidebar)
        context.setdefault("canonical", None)
        context.setdefault("description", self.settings.tagline)
        context.setdefault("extra_feeds", [])
        context.setdefault("bare", False)
        context.setdefault("structured_data", [])
        menu = self._menu(sidebar.pages, context["canonical"])
        body = render(template, areas=areas, menu=menu,
                      **_theme_context(self.settings, self.links), **context)
        return Page(body=body, status=status)

    def _menu(self, pages, canonical):
        """The header's links: the ``menu`` setting, else every static page."""
        items = self.site.value().config.menu
        if items is None:
            items = [{"title": title, "url": urls.page(slug)} for title, slug in pages]
        menu = []
        for item in items:
            on_site = item["url"].startswith("/")
            menu.append({"title": item["title"],
                         "url": self.links.url(item["url"]) if on_site else item["url"],
                         "current": on_site and self.links.absolute(item["url"]) == canonical})
        return menu

    def _listing_page(self, partition, page, low=None, high=None):
        per_page = self.settings.posts_per_page
        entries, has_next = self.index.listing(partition, page, per_page, self.now, low, high)
        if not entries and page > 1:
            raise NotFound(f"page {page} is past the end")
        return entries, self._pagination(page, has_next)

    @staticmethod
    def _pagination(page, has_next, **params):
        def link(number):
            return urls.with_page("", number, **params) or "?"
        return {"page": page, "newer": link(page - 1) if page > 1 else None,
                "older": link(page + 1) if has_next else None}

    # -- pages ---------------------------------------------------------------

    def home(self, page=None):
        """Newest posts first with summaries, paginated."""
        number = page_number(page)
        entries, pagination = self._listing_page(keys.ALL_POSTS, number)
        return self._render("home.html", entries=entries, pagination=pagination,
                            canonical=self.links.absolute(urls.with_page(urls.HOME, number)),
                            structured_data=[structured_data.website(self.settings,
                                                                     self.links)])

    def post(self, slug):
        """One post with its neighbours."""
        post = self.index.document("post", slug)
        if post is None or post.date > self.now:
            raise NotFound(f"no post {slug!r}")
        older, newer = self.index.neighbours(post, self.now)
        canonical = self.links.absolute(urls.post(slug))
        return self._render(
            "post.html", post=post, older=older, newer=newer, canonical=canonical,
            description=post.description,
            structured_data=[structured_data.blog_posting(post, self.settings, self.links),
                             structured_data.breadcrumbs(post.title, canonical, self.links)])

    def static_page(self, slug):
        """One static page."""
        page = self.index.document("page", slug)
        if page is None or page.date > self.now:  # a page dated in the future is scheduled
            raise NotFound(f"no page {slug!r}")
        return self._render("page.html", page=page,
                            canonical=self.links.absolute(urls.page(slug)),
                            description=page.description)

    def label(self, kind, slug, page=None):
        """Posts with one tag ("tag") or category ("cat")."""
        number = page_number(page)
        name = self.sidebar.label_name(kind, slug)
        if name is None:
            raise NotFound(f"no {kind} {slug!r}")
        entries, pagination = self._listing_page(keys.label_listing(kind, slug), number)
        if not entries:
            raise NotFound(f"{kind} {slug!r} has no published posts")
        noun, verb = LABEL_NOUNS[kind]
        return self._render(
            "list.html", heading=f"{noun}: {name}", crumb=name, entries=entries,
            pagination=pagination,
            canonical=self.links.absolute(urls.with_page(urls.label(kind, slug), number)),
            extra_feeds=[{"title": f"{self.settings.title} – {noun} {name}",
                          "href": self.links.url(urls.label_feed(kind, slug))}],
            description=f"Posts {verb} {name}")

    def archive(self, year, month=None, page=None):
        """Posts of a year or a month, in the site's timezone."""
        number = page_number(page)
        if not (year.isascii() and year.isdigit()) or not FIRST_YEAR <= int(year) <= LAST_YEAR:
            raise NotFound(f"bad year {year!r}")
        if month is not None and (not (month.isascii() and month.isdigit())
                                  or not 1 <= int(month) <= 12):
            raise NotFound(f"bad month {month!r}")
        y = int(year)
        m = int(month) if month is not None else None
        low, high = keys.period_bounds(*self._period(y, m))
        entries, pagination = self._listing_page(keys.ALL_POSTS, number, low=low, high=high)
        if not entries:
            raise NotFound(f"nothing published in {year}/{month or ''}")
        heading = f"{MONTH_NAMES[m - 1]} {y}" if m else str(y)
        return self._render("list.html", heading=f"Archive: {heading}", crumb=heading,
                            entries=entries, pagination=pagination,
                            canonical=self.links.absolute(
                                urls.with_page(urls.archive(y, m), number)),
                            description=f"Posts from {heading}")

    def _period(self, year, month):
        """UTC bounds of a year or month in the site's timezone (end exclusive)."""
        tz = self.settings.tzinfo
        start = datetime(year, month or 1, 1, tzinfo=tz)
        if (year, month or 12) == (LAST_YEAR, 12):
            end = datetime(LAST_YEAR, 12, 31, 23, 59, 59, tzinfo=tz)
        elif month is None or month == 12:
            end = datetime(year + 1, 1, 1, tzinfo=tz)
        else:
            end = datetime(year, month + 1, 1, tzinfo=tz)
        return start.astimezone(timezone.utc), end.astimezone(timezone.utc)

    def search(self, query=None, page=None):
        """Posts matching every word of the query, best first."""
        number = page_number(page)
        query = (query or "").strip()[:MAX_QUERY_LENGTH]
        terms = query_terms(query)
        postings = self.index.postings(terms) if terms else []
        per_page = self.settings.posts_per_page
        ranked = rank(postings, self.site.value().total, keys.published_until(self.now))
        if number > 1 and (number - 1) * per_page >= len(ranked):
            raise NotFound("search page past the end")
        window = ranked[(number - 1) * per_page:number * per_page]
        entries = self.index.entries_by_keys(window) if window else []
        pagination = self._pagination(number, number * per_page < len(ranked), q=query)
        params = {"q": query} if query else {}
        return self._render("search.html", query=query, entries=entries, total=len(ranked),
                            searched=bool(query), pagination=pagination,
                            canonical=self.links.absolute(
                                urls.with_page(urls.SEARCH, number, **params)),
                            description=f"Search results for {query}" if query else "Search")

    def feed(self, feed_format, label_kind=None, label_slug=None):
        """Atom ("atom") or RSS ("rss") feed, site-wide or for a tag or category."""
        from chalicelib.feeds import FEED_LENGTH, build_feed

        path, content_type = FEED_FORMATS[feed_format]
        partition, suffix = keys.ALL_POSTS, ""
        if label_kind:
            partition = keys.label_listing(label_kind, label_slug)
            path = urls.label_feed(label_kind, label_slug)
        entries, _ = self.index.listing(partition, 1, FEED_LENGTH, self.now)
        if label_kind:
            suffix = self.sidebar.label_name(label_kind, label_slug)
            if suffix is None:
                raise NotFound(f"no {label_kind} {label_slug!r}")
        bodies = self.index.bodies(entries) if self.settings.feed_full_text and entries else {}
        body = build_feed(feed_format, self.settings, self.links.base, path, entries, bodies,
                          suffix, stylesheet=self.links.url(assets.asset("feed.xsl").path))
        # An edit without a new `updated` date changes the feed too: the site's
        # last change counts, so If-Modified-Since never hides an edit.
        changes = [entry.updated or entry.date for entry in entries]
        if self.site.value().changed:
            changes.append(min(self.site.value().changed, self.now))
        return Page(body=body, content_type=content_type,
                    last_modified=max(changes, default=None))

    def sitemap(self):
        """Every published post, page and the home page, with absolute URLs."""
        posts = self.index.published_keys(self.now)
        pages = self.sidebar.pages
        body = render("sitemap.xml", posts=posts, pages=pages,
                      **_theme_context(self.settings, self.links))
        return Page(body=body, content_type=XML)

    def robots(self):
        """Crawlers may read everything; the sitemap is named."""
        body = f"User-agent: *\nAllow: /\nSitemap: {self.links.absolute(urls.SITEMAP)}\n"
        return Page(body=body, content_type=TEXT)

    def nothing_here(self):
        """A path that names nothing."""
        raise NotFound("no route")

    def moved(self, path, query=None):
        """A 301 to where an old address lives now: a WordPress form, else an alias.

        An alias costs one GetItem. One naming nothing, a draft (never indexed)
        or a post scheduled later than now gets the 404, like the post itself.
        """
        target = redirects.wordpress_form(path, query)
        if target is None:
            found = self.index.alias(redirects.alias_path(path, query))
            if found is None:
                raise NotFound(f"no alias {path!r}")
            kind, slug, date = found
            if kind == "post" and date > self.now:
                raise NotFound(f"alias {path!r} of a post scheduled for later")
            target = urls.document(kind, slug)
        location = self.links.url(target)
        return Page(body=f"Moved to {location}\n", content_type=TEXT, status=301,
                    location=location)

    def not_found(self, reason=""):
        """The theme's 404 page."""
        return self._render("404.html", status=404, reason=reason)


def error_page(settings, links, status, message):
    """A themed error page that needs nothing from AWS (storage is down)."""
    body = render("error.html", areas={area: [] for area in AREAS},
                  **_theme_context(settings, links), canonical=None, description="",
                  extra_feeds=[], status=status, message=message, bare=True)
    return Page(body=body, status=status)
