"""Widget settings: the types, what each accepts, and their storage form.

A widget is a mapping from site.yaml, for example
``{"type": "recent_posts", "title": "Recent Posts", "count": 5}``.
``validate_widget`` lists what is wrong with one; ``prepare_for_storage``
renders text widgets' Markdown once, at ``blog config push``.
"""
from markupsafe import Markup

from chalicelib.text import is_safe_link

AREAS = ("header-sidebar", "sidebar", "footer")
RENDERED_TEXT_KEY = "_html"

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
RECENT_POSTS_DEFAULT = 5


def recent_posts_shown(widgets):
    """The most posts any recent_posts widget of ``widgets`` (area -> list) shows."""
    return max((widget.get("count", RECENT_POSTS_DEFAULT)
                for area in widgets.values() for widget in area
                if widget.get("type") == "recent_posts"), default=0)


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
        elif not is_safe_link(str(link["url"])):
            problems.append(f"links[{position}] url must be http(s)://host, mailto: or a "
                            f"site path starting with a single '/' (got {link['url']!r})")
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
