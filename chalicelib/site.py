"""site.yaml: validation with line numbers, defaults, and the stored JSON form.

``site.yaml`` is validated here for ``blog config push`` and ``blog check``;
the same rules run again when the app reads the stored copy, where a bad
widget is skipped and logged instead of rejected.
"""
import json
import logging
from dataclasses import asdict, dataclass, field
from functools import cached_property
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from chalicelib.errors import InvalidSiteConfig
from chalicelib.text import is_safe_link
from chalicelib.widget_config import AREAS, validate_widget

log = logging.getLogger(__name__)

SETTING_DEFAULTS = {
    "title": "",
    "tagline": "",
    "author": "",
    "base_url": "",
    "timezone": "UTC",
    "language": "en",
    "posts_per_page": 10,
    "cache_seconds": 60,
    "feed_full_text": True,
    "show_empty_areas": True,
    "raw_html": False,
}
INT_RANGES = {"posts_per_page": (1, 100), "cache_seconds": (0, 86400)}
BOOLEANS = ("feed_full_text", "show_empty_areas", "raw_html")
STRINGS = ("title", "tagline", "author", "base_url", "timezone", "language")


@dataclass(frozen=True)
class SiteSettings:
    """The ``site:`` block of site.yaml with every default filled in."""

    title: str = "My Blog"
    tagline: str = ""
    author: str = ""
    base_url: str = ""
    timezone: str = "UTC"
    language: str = "en"
    posts_per_page: int = 10
    cache_seconds: int = 60
    feed_full_text: bool = True
    show_empty_areas: bool = True
    raw_html: bool = False  # True: post HTML is stored as written (bucket writers are trusted)

    @cached_property
    def tzinfo(self):
        """The site's timezone as a tzinfo."""
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class SiteConfig:
    """Settings plus the widgets of each area, as the app uses them."""

    settings: SiteSettings = field(default_factory=SiteSettings)
    widgets: dict = field(default_factory=lambda: {area: [] for area in AREAS})
    # The header's navigation, [{title, url}]; None: the static pages.
    menu: list | None = None

    def to_json(self):
        """The stored form (a JSON string in the site item)."""
        stored = {"site": asdict(self.settings), "widgets": self.widgets}
        if self.menu is not None:
            stored["menu"] = self.menu
        return json.dumps(stored, sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_json(cls, text):
        """Rebuild from the stored form, skipping (and logging) bad widgets."""
        if not text:
            return cls()
        try:
            raw = json.loads(text) if text else {}
        except ValueError:
            log.error("stored site settings are not JSON; using defaults")
            raw = {}
        return build_config(raw if isinstance(raw, dict) else {}, strict=False)


class Problems:
    """Collects problems with the line they were found on, when known."""

    def __init__(self, locate=None):
        self.items = []
        self._locate = locate or (lambda path: None)

    def add(self, path, message):
        """Record ``message`` about the value at ``path`` (a tuple of keys)."""
        self.items.append((self._locate(path), message))

    def messages(self):
        """Problems as 'line N: message' strings, in file order."""
        ordered = sorted(self.items, key=lambda item: (item[0] or 0))
        return [f"line {line}: {text}" if line else text for line, text in ordered]


def _validate_settings(raw, problems):
    values = dict(SETTING_DEFAULTS)
    if not isinstance(raw, dict):
        problems.add(("site",), "'site' must be a mapping of settings")
        return values
    for name, value in raw.items():
        path = ("site", name)
        if name not in SETTING_DEFAULTS:
            problems.add(path, f"unknown setting site.{name}")
        elif name in INT_RANGES:
            low, high = INT_RANGES[name]
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                problems.add(path, f"site.{name} must be a whole number from {low} to {high}")
            else:
                values[name] = value
        elif name in BOOLEANS:
            if not isinstance(value, bool):
                problems.add(path, f"site.{name} must be true or false")
            else:
                values[name] = value
        elif value is None:
            values[name] = ""
        elif isinstance(value, (dict, list)):
            problems.add(path, f"site.{name} must be text")
        else:
            values[name] = str(value).strip()
    if not values["title"]:
        problems.add(("site", "title"), "site.title is required")
        values["title"] = SiteSettings.title
    try:
        ZoneInfo(values["timezone"])
    except (ZoneInfoNotFoundError, ValueError):
        problems.add(("site", "timezone"),
                     f"site.timezone {values['timezone']!r} is not an IANA timezone name")
        values["timezone"] = "UTC"
    base = values["base_url"]
    problem = base_url_problem(base) if base else None
    if problem:
        problems.add(("site", "base_url"), f"site.base_url {base!r} {problem}")
        values["base_url"] = ""
    values["base_url"] = values["base_url"].rstrip("/")
    return values


def base_url_problem(url):
    """Why ``url`` cannot be the site's public address, or None if it can."""
    from urllib.parse import urlsplit

    if not url.lower().startswith(("http://", "https://")):
        return "must start with http:// or https://"
    if not is_safe_link(url):
        return "must name a host (https://blog.example.org) with no spaces or backslashes"
    parts = urlsplit(url)
    if parts.query or parts.fragment or parts.username or parts.password:
        return "must be a plain address: no query, fragment or user name"
    return None


def _validate_widgets(raw, problems):
    areas = {area: [] for area in AREAS}
    if raw is None:
        return areas
    if not isinstance(raw, dict):
        problems.add(("widgets",), "'widgets' must map areas to lists of widgets")
        return areas
    for area, widgets in raw.items():
        if area not in AREAS:
            problems.add(("widgets", area),
                         f"unknown widget area {area!r} (use {', '.join(AREAS)})")
            continue
        if widgets is None:
            continue
        if not isinstance(widgets, list):
            problems.add(("widgets", area), f"widgets.{area} must be a list")
            continue
        for position, widget in enumerate(widgets):
            path = ("widgets", area, position)
            errors = validate_widget(widget)
            for error in errors:
                problems.add(path, f"widgets.{area}[{position}]: {error}")
            if not errors:
                areas[area].append(widget)
    return areas


def _validate_menu(raw, problems):
    """The ``menu:`` list: each item a {title, url}, the url http(s) or a site path."""
    if raw is None:
        return None
    if not isinstance(raw, list):
        problems.add(("menu",), "'menu' must be a list of {title, url}")
        return None
    menu = []
    for position, item in enumerate(raw):
        path = ("menu", position)
        if not isinstance(item, dict) or set(item) - {"title", "url"}:
            problems.add(path, f"menu[{position}] must be a mapping with title and url only")
            continue
        title, url = item.get("title"), item.get("url")
        if not isinstance(title, (str, int, float)) or not str(title).strip():
            problems.add(path, f"menu[{position}] needs a title")
        elif not isinstance(url, str) or not _menu_url_ok(url.strip()):
            problems.add(path, f"menu[{position}] url must start with http://, https:// or "
                               f"a single / (a path on this site), not {url!r}")
        else:
            menu.append({"title": str(title).strip(), "url": url.strip()})
    return menu


def _menu_url_ok(url):
    """http(s) with a host, or a site path (``text.is_safe_link`` without mailto:)."""
    return is_safe_link(url) and not url.lower().startswith("mailto:")


def build_config(raw, strict=True, locate=None):
    """Validate a parsed site.yaml; raise InvalidSiteConfig if ``strict``."""
    problems = Problems(locate)
    if not isinstance(raw, dict):
        problems.add((), "site.yaml must be a mapping with 'site' and 'widgets'")
        raw = {}
    for key in raw:
        if key not in ("site", "widgets", "menu"):
            problems.add((key,), f"unknown top-level key {key!r} (use 'site', 'menu' and "
                                 "'widgets')")
    if "site" not in raw:
        problems.add((), "the 'site' block is required")
    settings = _validate_settings(raw.get("site") or {}, problems)
    widgets = _validate_widgets(raw.get("widgets"), problems)
    menu = _validate_menu(raw.get("menu"), problems)
    if problems.items:
        if strict:
            raise InvalidSiteConfig(problems.messages())
        for message in problems.messages():
            log.warning("site settings: %s (skipped)", message)
    return SiteConfig(settings=SiteSettings(**settings), widgets=widgets, menu=menu)


def _node_lines(node, path=(), lines=None):
    """Map each key path in a YAML node tree to its 1-based line."""
    import yaml

    lines = {} if lines is None else lines
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = path + (key_node.value,)
            _node_lines(value_node, child, lines)
            lines[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for position, item in enumerate(node.value):
            _node_lines(item, path + (position,), lines)
    return lines


def parse_site_yaml(text):
    """Parse and validate site.yaml text; raise InvalidSiteConfig with line numbers."""
    import yaml

    from chalicelib.safe_yaml import StrictLoader, yaml_problem

    try:
        root = yaml.compose(text, Loader=StrictLoader)
        raw = yaml.load(text, Loader=StrictLoader)
    except yaml.YAMLError as error:
        line, problem = yaml_problem(error)
        where = f"line {line}: " if line else ""
        raise InvalidSiteConfig([f"{where}YAML does not parse: {problem}"]) from None
    lines = _node_lines(root) if root is not None else {}

    def locate(path):
        while path and path not in lines:
            path = path[:-1]
        return lines.get(path)

    return build_config(raw, strict=True, locate=locate)
