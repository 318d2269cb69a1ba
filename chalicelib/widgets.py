"""Widget types: their settings, validation, and what each shows.

A widget is a mapping from site.yaml, for example
``{"type": "recent_posts", "title": "Recent Posts", "count": 5}``.
``widget_view`` turns one into the data its template macro draws.
"""
import logging
from dataclasses import dataclass, field

from markupsafe import Markup

log = logging.getLogger(__name__)

AREAS = ("header-sidebar", "sidebar", "footer")
AREA_NAMES = {"header-sidebar": "Header Sidebar", "sidebar": "Sidebar", "footer": "Footer"}
RENDERED_TEXT_KEY = "_html"
URL_SCHEMES = ("http://", "https://", "mailto:", "/", "#")

# type -> {setting: (checker, description)}; "title" is accepted by every type.
_COUNT = (lambda value: isinstance(value, int) and not isinstance(value, bool)
          and 1 <= value <= 50, "a whole number from 1 to 50")
_TEXT = (lambda value: isinstance(value, str) and value.strip() != "", "non-empty text")
_FLAG = (lambda value: isinstance(value, bool), "true or false")
SETTINGS = {
    "recent_posts": {"count": _COUNT},
    "archives": {"count": _FLAG},
    "categories": {"count": _FLAG},
    "tag_cloud": {"limit": _COUNT},
    "search": {},
    "text": {"body": _TEXT, RENDERED_TEXT_KEY: _TEXT},
    "html": {"body": _TEXT},
    "links": {"links": (lambda value: isinstance(value, list), "a list of {title, url}")},
    "pages": {},
    "feed": {},
}
REQUIRED = {"text": ("body",), "html": ("body",), "links": ("links",)}
DEFAULT_TITLES = {
    "recent_posts": "Recent Posts", "archives": "Archives", "categories": "Categories",
    "tag_cloud": "Tags", "search": "Search", "text": "", "html": "", "links": "Links",
    "pages": "Pages", "feed": "Subscribe",
}
RECENT_POSTS_DEFAULT = 5


def validate_widget(widget):
    """Every problem with one widget's configuration (empty list: it is good)."""
    if not isinstance(widget, dict):
        return ["a widget must be a mapping with a 'type'"]
    kind = widget.get("type")
    if kind not in SETTINGS:
        return [f"unknown widget type {kind!r} (known: {', '.join(SETTINGS)})"]
    problems = []
    allowed = SETTINGS[kind]
    title = widget.get("title")
    if title is not None and not isinstance(title, (str, int, float)):
        problems.append("'title' must be text")
    for name, value in widget.items():
        if name in ("type", "title"):
            continue
        if name not in allowed:
            problems.append(f"{kind} widget has no setting {name!r}")
            continue
        check, description = allowed[name]
        if not check(value):
            problems.append(f"{kind} widget setting {name!r} must be {description}")
    for name in REQUIRED.get(kind, ()):
        if name not in widget:
            problems.append(f"{kind} widget needs {name!r}")
    if kind == "links" and isinstance(widget.get("links"), list):
        problems.extend(_link_problems(widget["links"]))
    return problems


def _link_problems(links):
    problems = []
    for position, link in enumerate(links):
        if not isinstance(link, dict) or not link.get("title") or not link.get("url"):
            problems.append(f"links[{position}] needs a title and a url")
        elif not str(link["url"]).startswith(URL_SCHEMES):
            problems.append(f"links[{position}] url must be http(s), mailto or a path")
    return problems


def sanitize_html(markup):
    """Allow ordinary HTML; drop scripts, event attributes and javascript: URLs."""
    import nh3

    return Markup(nh3.clean(markup))


def render_text_body(body):
    """A text widget's Markdown as sanitised HTML (done at config push)."""
    import markdown

    return sanitize_html(markdown.markdown(body, extensions=["sane_lists"]))


def prepare_for_storage(widgets):
    """Pre-render text widgets so no request ever runs Markdown."""
    prepared = {}
    for area, items in widgets.items():
        prepared[area] = []
        for widget in items:
            widget = dict(widget)
            if widget["type"] == "text":
                widget[RENDERED_TEXT_KEY] = str(render_text_body(widget["body"]))
            prepared[area].append(widget)
    return prepared


@dataclass
class SidebarData:
    """Everything widgets show that comes from the index."""

    recent: list = field(default_factory=list)
    months: list = field(default_factory=list)      # [(year, month, count)], newest first
    categories: list = field(default_factory=list)  # [(name, slug, count)] by name
    tags: list = field(default_factory=list)        # [(name, slug, count)] by name
    pages: list = field(default_factory=list)       # [(title, slug)] by title


def widget_view(widget, data):
    """The template data of one widget, or None if it cannot be shown."""
    kind = widget["type"]
    title = widget.get("title")
    view = {"type": kind, "title": DEFAULT_TITLES[kind] if title is None else str(title)}
    if kind == "recent_posts":
        view["posts"] = data.recent[:widget.get("count", RECENT_POSTS_DEFAULT)]
    elif kind == "archives":
        view["months"] = data.months
        view["show_count"] = widget.get("count", True)
    elif kind == "categories":
        view["categories"] = data.categories
        view["show_count"] = widget.get("count", True)
    elif kind == "tag_cloud":
        view["tags"] = _cloud(data.tags, widget.get("limit"))
    elif kind == "text":
        rendered = widget.get(RENDERED_TEXT_KEY)
        view["html"] = sanitize_html(rendered) if rendered else render_text_body(widget["body"])
    elif kind == "html":
        view["html"] = sanitize_html(widget["body"])
    elif kind == "links":
        view["links"] = [{"title": str(link["title"]), "url": str(link["url"])}
                         for link in widget["links"]]
    elif kind == "pages":
        view["pages"] = data.pages
    return view


def _cloud(tags, limit):
    """Tags with a size step 1-5 by how often they are used."""
    if limit:
        tags = sorted(sorted(tags, key=lambda tag: -tag[2])[:limit], key=lambda tag: tag[0].lower())
    if not tags:
        return []
    low = min(tag[2] for tag in tags)
    high = max(tag[2] for tag in tags)
    spread = max(high - low, 1)
    return [{"name": name, "slug": slug, "count": count,
             "size": 1 + round(4 * (count - low) / spread)} for name, slug, count in tags]


def area_views(widgets, data):
    """Template data for each area; a widget that fails is skipped and logged."""
    areas = {}
    for area in AREAS:
        views = []
        for widget in widgets.get(area, []):
            try:
                view = widget_view(widget, data)
            except Exception:  # a broken widget must never break the page
                log.exception("widget %r in %s could not be shown; skipped", widget, area)
                continue
            if view is not None:
                views.append(view)
        areas[area] = views
    return areas
