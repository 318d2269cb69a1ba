"""What HTML a post may carry: everything Markdown writes, nothing that runs.

Post bodies and summaries are cleaned with nh3 when they are indexed, unless
the site sets ``raw_html: true``. The policy keeps what Markdown and its
extensions produce (Pygments' ``class`` spans, heading ids, footnote links
and back-references, tables with their alignment, the table of contents,
images with ``srcset``) and drops ``<script>``, ``<iframe>``, ``<style>``,
forms, event attributes (``onclick``, also from ``{: onclick=... }``) and
URLs in any scheme but the ones listed.
"""
import nh3
from markupsafe import Markup

POST_TAGS = frozenset(nh3.ALLOWED_TAGS) | {
    "audio", "picture", "source", "track", "video", "tfoot",
}
# role, aria-label and tabindex: the labelled, focusable scroll boxes around code and tables.
_GENERIC = {"class", "id", "title", "lang", "dir", "role", "aria-label", "tabindex"}
POST_ATTRIBUTES = {
    **{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": _GENERIC,
    "a": {"href", "hreflang", "rel", "name"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding",
            "align"},
    "source": {"src", "srcset", "sizes", "type", "media", "width", "height"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "audio": {"src", "controls", "loop", "muted", "preload"},
    "video": {"src", "controls", "loop", "muted", "preload", "poster", "width", "height",
              "playsinline"},
    "th": set(nh3.ALLOWED_ATTRIBUTES["th"]) | {"style"},
    "td": set(nh3.ALLOWED_ATTRIBUTES["td"]) | {"style"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "abbr": {"title"},
    "time": {"datetime"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
STYLE_PROPERTIES = frozenset({"text-align"})   # table column alignment, nothing else


def clean_post_html(markup):
    """``markup`` with everything outside the post HTML policy removed."""
    return Markup(nh3.clean(
        str(markup), tags=set(POST_TAGS), attributes=POST_ATTRIBUTES,
        url_schemes=set(URL_SCHEMES), link_rel=None,
        filter_style_properties=set(STYLE_PROPERTIES),
        clean_content_tags={"script", "style"},
    ))
