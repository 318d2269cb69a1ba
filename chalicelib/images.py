"""Responsive ``<img>`` tags for rendered HTML: sizes, srcset, lazy loading.

This runs when a post is indexed, never per request. Only ``<img>`` start tags
whose ``src`` is a ``/media/`` path change; every other byte of the markup is
kept as it was. The tags are found with the standard library's HTML tokenizer
(so an ``<img`` inside a comment, a script or an attribute value is never
taken for one) and each is rewritten in place from its parsed attributes.
"""
import html
from html.parser import HTMLParser
from urllib.parse import quote, unquote, urlsplit

from chalicelib.media import SITE_PREFIX, VARIANT_PREFIX, key_for_path

# The theme's content column (templates/style.css): under 60em (960px) it is
# the screen less the page's gaps (about 2rem); up to the 76rem site width it
# shares the screen with an 18rem sidebar; it never passes 68ch (about 680px).
CONTENT_WIDTH = 680
SIZES = ("(max-width: 960px) min(100vw - 2rem, {0}px), "
         "(max-width: 1216px) min(100vw - 26rem, {0}px), {0}px")


def media_path(src):
    """The ``/media/`` path an ``src`` names (percent-decoded), or None."""
    if not src:
        return None
    parts = urlsplit(src.strip())
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path.startswith(SITE_PREFIX) or path.startswith("/" + VARIANT_PREFIX):
        return None
    return path if key_for_path(path) else None


def media_sources(markup):
    """The ``/media/`` paths of the images in ``markup``, first seen first, once each."""
    seen = []
    for tag in _image_tags(markup):
        path = media_path(tag.get("src"))
        if path and path not in seen:
            seen.append(path)
    return seen


def image_tags_of(markup):
    """The attributes of every ``<img>`` in ``markup``, as dicts, in order."""
    return [dict(tag.attributes) for tag in _image_tags(markup)]


def size_images(markup, lookup, eager_first=False):
    """``markup`` with every ``/media/`` image sized, given srcset and loaded lazily.

    ``lookup(path)`` returns the MediaInfo of a ``/media/`` path or None when
    it is unknown (not uploaded yet, or refused): such an image keeps its
    ``src`` and only loads lazily. With ``eager_first`` (a post page) the
    first image of the markup is not lazy: it is likely the largest paint.
    """
    tags = _image_tags(markup)
    if not tags:
        return markup
    pieces, done = [], 0
    for number, tag in enumerate(tags):
        path = media_path(tag.get("src"))
        if path is None:
            continue
        attributes = image_attributes(lookup(path), lazy=not (eager_first and number == 0),
                                      given=tag.attributes)
        pieces.append(markup[done:tag.start])
        pieces.append(_start_tag(attributes, tag.self_closing))
        done = tag.end
    pieces.append(markup[done:])
    return "".join(pieces)


def img_tag(src, alt, info, lazy=True):
    """A whole ``<img>`` tag for ``src`` (a ``/media/`` path or a URL) with ``info``'s sizes."""
    if media_path(src):
        src = quote(unquote(src))
    return _start_tag(image_attributes(info, lazy=lazy, given=[("src", src), ("alt", alt)]),
                      False)


def image_attributes(info, lazy=True, given=()):
    """The attributes of an ``<img>`` of ``info`` (a MediaInfo or None), as pairs.

    ``given`` are the author's attributes, kept first and never overridden: a
    width or height the author chose keeps the image's aspect ratio for the other.
    """
    attributes = list(given)
    names = {name for name, _ in attributes}

    def add(name, value):
        if name not in names:
            attributes.append((name, value))
            names.add(name)

    if info is not None and info.width and info.height:
        width, height = _display_size(info, dict(given))
        add("width", str(width))
        add("height", str(height))
        candidates = srcset(info)
        if candidates and "srcset" not in names:
            add("srcset", candidates)
            add("sizes", sizes(width))
    if lazy:
        add("loading", "lazy")
    add("decoding", "async")
    return attributes


def srcset(info):
    """The ``srcset`` of an image's variants, one per width ("" when it has none)."""
    by_width = {}
    for variant in (info.classic, *info.variants):
        if variant is not None:
            # The modern variants come after the classic one and win at its width.
            by_width[variant.width] = variant
    return ", ".join(f"{quote(by_width[width].url)} {width}w" for width in sorted(by_width))


def sizes(width):
    """The ``sizes`` of an image shown at most ``width`` CSS px wide in the content column."""
    return SIZES.format(min(width, CONTENT_WIDTH))


def _display_size(info, given):
    width, height = _pixels(given.get("width")), _pixels(given.get("height"))
    if width and height:
        return width, height
    if width:
        return width, max(1, round(width * info.height / info.width))
    if height:
        return max(1, round(height * info.width / info.height)), height
    return info.width, info.height


def _pixels(value):
    try:
        number = int(str(value).strip().removesuffix("px"))
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def _start_tag(attributes, self_closing):
    text = "".join(f" {name}" if value is None else f' {name}="{html.escape(value)}"'
                   for name, value in attributes)
    return f"<img{text}{' /' if self_closing else ''}>"


class _ImageTag:
    """One ``<img>`` start tag: where it lies in the markup and its attributes."""

    __slots__ = ("start", "end", "attributes", "self_closing")

    def __init__(self, start, end, attributes, self_closing):
        self.start, self.end = start, end
        self.attributes, self.self_closing = attributes, self_closing

    def get(self, name):
        """The first value of attribute ``name``, or None."""
        return next((value for key, value in self.attributes if key == name), None)


class _ImageTagFinder(HTMLParser):
    def __init__(self, markup):
        super().__init__(convert_charrefs=False)
        self.markup = markup
        self.line_starts = [0]
        self.line_starts.extend(index + 1 for index, char in enumerate(markup) if char == "\n")
        self.tags = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self._record(attrs, False)

    def handle_startendtag(self, tag, attrs):
        if tag == "img":
            self._record(attrs, True)

    def _record(self, attrs, self_closing):
        line, column = self.getpos()
        start = self.line_starts[line - 1] + column
        text = self.get_starttag_text() or ""
        # The tokenizer's position is the tag's own: anything else would mean
        # splicing the wrong bytes, so such a tag is left alone.
        if self.markup.startswith(text, start) and text:
            self.tags.append(_ImageTag(start, start + len(text), attrs, self_closing))


def _image_tags(markup):
    if "<img" not in markup.lower():
        return []
    finder = _ImageTagFinder(markup)
    finder.feed(markup)
    finder.close()
    return finder.tags
