"""What each widget shows: its settings plus the index's sidebar data, for the theme.

``widget_view`` turns one configured widget into the data its template macro
draws; ``area_views`` does every area and skips (and logs) a widget that fails.
"""
import logging

from chalicelib.widget_config import (AREAS, RECENT_POSTS_DEFAULT, RENDERED_TEXT_KEY,
                                      render_text_body, sanitize_html)

log = logging.getLogger(__name__)

AREA_NAMES = {"header-sidebar": "Header Sidebar", "sidebar": "Sidebar", "footer": "Footer"}
DEFAULT_TITLES = {
    "recent_posts": "Recent Posts", "archives": "Archives", "categories": "Categories",
    "tag_cloud": "Tags", "search": "Search", "text": "", "html": "", "links": "Links",
    "pages": "Pages", "feed": "Subscribe",
}


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
