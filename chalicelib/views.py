"""Page builders: index data plus the theme, one function per page kind.

Each returns a ``Page``; none touches S3, and listings read only the index.
"""
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import quote, urlencode

from chalicelib.background import Background
from chalicelib.errors import NotFound
from chalicelib.index import ALL
from chalicelib.models import timestamp
from chalicelib.render import MONTH_NAMES, render
from chalicelib.text import query_terms
from chalicelib.widgets import AREA_NAMES, AREAS, area_views

HTML = "text/html; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
XML = "application/xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
MAX_QUERY_LENGTH = 200
MAX_PAGE = 10_000
FIRST_YEAR, LAST_YEAR = 1970, 9999


@dataclass
class Page:
    """A response body with its status and type."""

    body: str | bytes
    content_type: str = HTML
    status: int = 200
    last_modified: datetime | None = None


@dataclass(frozen=True)
class Links:
    """How this request's pages link: a path prefix and an absolute site root."""

    root: str = ""
    base: str = ""

    def url(self, path):
        """Site-relative path including the API stage prefix."""
        return self.root + path

    def absolute(self, path):
        """Absolute URL for feeds, sitemap and canonical links."""
        return self.base + path


def page_number(raw):
    """The ?page=N value; anything that is not a whole number from 1 is a 404."""
    if raw is None:
        return 1
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE:
        raise NotFound(f"bad page number {raw!r}")
    return int(raw)


class Blog:
    """Builds every page from the index, the site config and the sidebar."""

    def __init__(self, index, config, state, sidebar, links, now=None, sidebar_ready=False):
        self.index = index
        self.config = config
        self.settings = config.settings
        self.state = state
        self._sidebar = sidebar
        self._sidebar_job = None
        self._sidebar_ready = sidebar_ready
        self.links = links
        self.now = now or datetime.now(timezone.utc)

    # -- shared context ------------------------------------------------------

    def _prefetch_sidebar(self):
        """Start reading the widgets' data while the page reads its own."""
        if not self._sidebar_ready and self._sidebar_job is None:
            self._sidebar_job = Background(self._sidebar)

    def _render(self, template, status=200, **context):
        data = self._sidebar_job.result() if self._sidebar_job else self._sidebar()
        areas = area_views(self.config.widgets, data)
        context.setdefault("canonical", None)
        context.setdefault("description", self.settings.tagline)
        context.setdefault("extra_feeds", [])
        context.setdefault("bare", False)
        body = render(template, site=self.settings, areas=areas, area_names=AREA_NAMES,
                      area_order=AREAS, url=self.links.url, absolute=self.links.absolute,
                      **context)
        return Page(body=body, status=status)

    def _listing_page(self, partition, page, low=None, high=None):
        per_page = self.settings.posts_per_page
        entries, has_next = self.index.listing(partition, page, per_page, self.now, low, high)
        if not entries and page > 1:
            raise NotFound(f"page {page} is past the end")
        return entries, self._pagination(page, has_next)

    def _pagination(self, page, has_next, **params):
        def link(number):
            query = dict(params)
            if number > 1:
                query["page"] = number
            return "?" + urlencode(query) if query else "?"
        return {"page": page, "newer": link(page - 1) if page > 1 else None,
                "older": link(page + 1) if has_next else None}

    # -- pages ---------------------------------------------------------------

    def home(self, page):
        """Newest posts first with summaries, paginated."""
        self._prefetch_sidebar()
        entries, pagination = self._listing_page(ALL, page)
        return self._render("home.html", entries=entries, pagination=pagination,
                            canonical=self.links.absolute("/" + ("" if page == 1
                                                                 else f"?page={page}")))

    def post(self, slug):
        """One post with its neighbours."""
        self._prefetch_sidebar()
        post = self.index.post("post", slug)
        if post is None or post.date > self.now:
            raise NotFound(f"no post {slug!r}")
        older, newer = self.index.neighbours(post, self.now)
        return self._render("post.html", post=post, older=older, newer=newer,
                            canonical=self.links.absolute(post.url),
                            description=post.description)

    def static_page(self, slug):
        """One static page."""
        self._prefetch_sidebar()
        page = self.index.post("page", slug)
        if page is None:
            raise NotFound(f"no page {slug!r}")
        return self._render("page.html", page=page, canonical=self.links.absolute(page.url),
                            description=page.description)

    def label(self, kind, slug, page):
        """Posts with one tag ("tag") or category ("cat")."""
        self._prefetch_sidebar()
        name = self.index.label_name(kind, slug)
        if name is None:
            raise NotFound(f"no {kind} {slug!r}")
        partition = f"LIST#{kind}#{slug}"
        entries, pagination = self._listing_page(partition, page)
        if not entries:
            raise NotFound(f"{kind} {slug!r} has no published posts")
        path = f"/{'tags' if kind == 'tag' else 'categories'}/{quote(slug)}"
        noun = "Tag" if kind == "tag" else "Category"
        return self._render(
            "list.html", heading=f"{noun}: {name}", crumb=name, entries=entries,
            pagination=pagination, canonical=self.links.absolute(path),
            extra_feeds=[{"title": f"{self.settings.title} – {noun} {name}",
                          "href": self.links.url(path + "/feed.xml")}],
            description=f"Posts {'tagged' if kind == 'tag' else 'filed under'} {name}")

    def archive(self, year, month, page):
        """Posts of a year or a month, in the site's timezone."""
        self._prefetch_sidebar()
        if not year.isdigit() or not FIRST_YEAR <= int(year) <= LAST_YEAR:
            raise NotFound(f"bad year {year!r}")
        if month is not None and (not month.isdigit() or not 1 <= int(month) <= 12):
            raise NotFound(f"bad month {month!r}")
        y = int(year)
        m = int(month) if month is not None else None
        start, end = self._period(y, m)
        entries, pagination = self._listing_page(ALL, page, low=timestamp(start),
                                                 high=f"{timestamp(end)}#")
        if not entries:
            raise NotFound(f"nothing published in {year}/{month or ''}")
        heading = f"{MONTH_NAMES[m - 1]} {y}" if m else str(y)
        path = f"/archive/{y}" + (f"/{m:02d}" if m else "")
        return self._render("list.html", heading=f"Archive: {heading}", crumb=heading,
                            entries=entries, pagination=pagination,
                            canonical=self.links.absolute(path),
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

    def search(self, query, page):
        """Posts matching every word of the query, best first."""
        self._prefetch_sidebar()
        query = (query or "").strip()[:MAX_QUERY_LENGTH]
        terms = query_terms(query)
        per_page = self.settings.posts_per_page
        ranked = self.index.search(terms, self.now, self.state.get("total", 0)) if terms else []
        if page > 1 and (page - 1) * per_page >= len(ranked):
            raise NotFound("search page past the end")
        window = ranked[(page - 1) * per_page:page * per_page]
        entries = self.index.entries_by_keys(window) if window else []
        pagination = self._pagination(page, page * per_page < len(ranked), q=query)
        return self._render("search.html", query=query, entries=entries, total=len(ranked),
                            searched=bool(query), pagination=pagination,
                            description=f"Search results for {query}" if query else "Search")

    def feed(self, kind, label_kind=None, label_slug=None):
        """Atom (``kind`` "atom") or RSS feed, site-wide or for a tag or category."""
        from chalicelib.feeds import FEED_LENGTH, build_feed

        partition, suffix, path = ALL, "", "/feed.xml" if kind == "atom" else "/rss.xml"
        if label_kind:
            name = self.index.label_name(label_kind, label_slug)
            if name is None:
                raise NotFound(f"no {label_kind} {label_slug!r}")
            partition = f"LIST#{label_kind}#{label_slug}"
            folder = "tags" if label_kind == "tag" else "categories"
            path = f"/{folder}/{quote(label_slug)}/feed.xml"
            suffix = name
        entries, _ = self.index.listing(partition, 1, FEED_LENGTH, self.now)
        bodies = self.index.bodies(entries) if self.settings.feed_full_text and entries else {}
        body = build_feed(kind, self.settings, self.links.base, path, entries, bodies, suffix)
        newest = max((entry.updated or entry.date for entry in entries), default=None)
        return Page(body=body, content_type=ATOM if kind == "atom" else RSS,
                    last_modified=newest)

    def sitemap(self):
        """Every published post, page and the home page, with absolute URLs."""
        posts = self.index.published_keys(self.now)
        pages = self._sidebar().pages
        body = render("sitemap.xml", site=self.settings, posts=posts, pages=pages,
                      absolute=self.links.absolute, quote=quote)
        return Page(body=body, content_type=XML)

    def robots(self):
        """Crawlers may read everything; the sitemap is named."""
        body = f"User-agent: *\nAllow: /\nSitemap: {self.links.absolute('/sitemap.xml')}\n"
        return Page(body=body, content_type=TEXT)

    def not_found(self, reason=""):
        """The theme's 404 page."""
        self._prefetch_sidebar()
        return self._render("404.html", status=404, reason=reason)


def error_page(settings, links, status, message):
    """A themed error page that needs nothing from AWS (storage is down)."""
    body = render("error.html", site=settings, areas={area: [] for area in AREAS},
                  area_names=AREA_NAMES, area_order=AREAS, url=links.url,
                  absolute=links.absolute, canonical=None, description="",
                  extra_feeds=[], status=status, message=message, bare=True)
    return Page(body=body, status=status)

