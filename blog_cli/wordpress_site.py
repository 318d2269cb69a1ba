"""The suggested site.yaml of an import: the channel's settings and the old nav menu.

The file is checked with the engine's own site.yaml rules before it is
written, so ``blog serve`` and ``blog config push`` take it as it is. If the
engine has no ``menu`` setting, the menu becomes a ``links`` widget instead.
"""
from collections import defaultdict
from dataclasses import dataclass

import yaml

from chalicelib import urls
from chalicelib.errors import InvalidSiteConfig
from chalicelib.site import parse_site_yaml
from chalicelib.text import slug_for

from blog_cli.wordpress_posts import plain_title
from blog_cli.wordpress_wxr import as_int

SIDEBAR = [
    {"type": "search", "title": "Search"},
    {"type": "recent_posts", "title": "Recent Posts", "count": 5},
    {"type": "archives", "title": "Archives"},
    {"type": "categories", "title": "Categories"},
]


@dataclass
class MenuItem:
    """One nav_menu_item of the export, before its target is known."""

    menu: str
    order: int
    title: str
    kind: str         # post_type, taxonomy, custom, post_type_archive
    target: str       # page, post, category, post_tag...
    target_id: int
    url: str


def menu_item(item):
    """A MenuItem from a nav_menu_item WxrItem."""
    meta = item.meta
    menus = [name for domain, _slug, name in item.terms if domain == "nav_menu"]
    return MenuItem(menu=menus[0] if menus else "", order=item.menu_order,
                    title=plain_title(item.title), kind=meta.get("_menu_item_type", ""),
                    target=meta.get("_menu_item_object", ""),
                    target_id=as_int(meta.get("_menu_item_object_id")),
                    url=(meta.get("_menu_item_url") or "").strip())


def build_menu(items, titles, slugs, terms, links, warnings):
    """The {title, url} entries of the menu with the most items, in menu order."""
    menus = defaultdict(list)
    for item in items:
        menus[item.menu].append(item)
    if not menus:
        return "", []
    chosen = max(menus, key=lambda name: len(menus[name]))
    others = [name or "(unnamed)" for name in menus if name != chosen]
    if others:
        warnings.append(f"nav menus not imported (only {chosen!r} is): {', '.join(others)}")
    entries = []
    for item in sorted(menus[chosen], key=lambda found: found.order):
        title, url = item.title, None
        if item.kind == "post_type" and item.target_id in slugs:
            url = urls.document(*slugs[item.target_id])
            title = title or titles.get(item.target_id, "")
        elif item.kind == "taxonomy" and item.target_id in terms:
            _taxonomy, _slug, name = terms[item.target_id]
            # The blog's own slug of the name, which may differ from WordPress's.
            slug = slug_for(plain_title(name))
            url = urls.category(slug) if item.target == "category" else urls.tag(slug)
            title = title or plain_title(name)
        elif item.kind == "post_type_archive":
            url = "/"
        elif item.url:
            url = links.new_address(item.url) or item.url
        if not url or not title:
            warnings.append(f"menu item {title or item.url or item.target_id!r} of "
                            f"{chosen!r} points at nothing imported; left out")
            continue
        entries.append({"title": title, "url": url})
    return chosen, entries


def _site_block(channel, timezone):
    base_url = channel.link.rstrip("/")
    return {
        "title": plain_title(channel.title) or "My Blog",
        "tagline": plain_title(channel.description),
        "base_url": base_url if base_url.startswith(("http://", "https://")) else "",
        "timezone": timezone,
        "language": channel.language or "en",
    }


def _dump(document):
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False,
                          default_flow_style=False, width=10_000)


def site_yaml(channel, timezone, menu_name, menu):
    """The text of the suggested site.yaml, valid for this engine; and where the menu went."""
    site = _site_block(channel, timezone)
    document = {"site": site}
    if menu:
        document["menu"] = menu
    document["widgets"] = {"sidebar": list(SIDEBAR)}
    placed = "menu" if menu else ""
    try:
        parse_site_yaml(_dump(document))
    except InvalidSiteConfig:
        if not menu:
            raise
        # This engine has no header menu yet: the old menu becomes a links widget.
        del document["menu"]
        links = {"type": "links", "title": menu_name or "Menu", "links": menu}
        document["widgets"] = {"sidebar": [links] + list(SIDEBAR)}
        placed = "links widget"
        parse_site_yaml(_dump(document))
    return _dump(document), placed
