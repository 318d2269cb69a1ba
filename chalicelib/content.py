"""Source files to documents: front matter, dates, Markdown to HTML.

This runs when content is indexed (the S3 event, ``blog publish``, local
mode), never on a page request, so Markdown and Pygments are imported here
lazily and stay out of the reader's cold start.
"""
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date as date_type
from datetime import datetime, time, timezone

import yaml

from chalicelib.errors import ContentError
from chalicelib.limits import (MAX_ALIAS_CHARS, MAX_ALIASES, MAX_HTML_NESTING,
                               MAX_INLINE_SCAN, MAX_LABEL_CHARS,
                               MAX_LABELS_PER_KIND, MAX_NESTING, MAX_SOURCE_BYTES,
                               MAX_SUMMARY_CHARS, MAX_SUMMARY_HTML_BYTES, MAX_TITLE_CHARS,
                               MAX_TOC_HTML_BYTES, MAX_YEAR, MIN_YEAR)
from chalicelib.safe_yaml import StrictLoader, yaml_problem
from chalicelib.text import plain_text, slug_for

MORE_MARKER = "<!-- more -->"
FRONT_MATTER_FENCE = "---"

KNOWN_KEYS = {
    "title", "date", "updated", "modified", "lastmod", "author", "categories",
    "category", "tags", "summary", "description", "draft", "status", "published",
    "toc", "slug", "image", "image_alt",
    "toc", "slug", "aliases",
}
# Keys that are no typo of a known key but mean one.
SYNONYMS = {"cats": "categories", "tag": "tags", "drafts": "draft", "update": "updated"}
TRUE_WORDS = ("true", "yes", "y", "on", "1")
FALSE_WORDS = ("false", "no", "n", "off", "0")
DRAFT_STATUSES = ("draft", "private", "pending", "trash")
PUBLIC_STATUSES = ("publish", "published", "public", "future")
ALIASES = {
    "updated": ("updated", "modified", "lastmod"),
    "categories": ("categories", "category"),
    "summary": ("summary", "description"),
}
SLUG_PATTERN = re.compile(r"^\w[\w.-]*$")
DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LOCAL_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$")
FIRST_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
COVER_URL = re.compile(r"^https?://[^\s\"'<>]+$", re.IGNORECASE)
FIRST_PARAGRAPH = re.compile(r"^<p>.*?</p>", re.MULTILINE | re.DOTALL)
MARKDOWN_EXTENSIONS = ["fenced_code", "codehilite", "tables", "footnotes", "toc",
                       "attr_list", "def_list", "abbr", "sane_lists"]
TABLE_OPEN = re.compile(r"(<table\b)")
CELL_ALIGN = re.compile(r'<(td|th) style="text-align: (left|center|right);">')
MARKDOWN_CONFIG = {
    "codehilite": {"css_class": "highlight", "guess_lang": False},
    "toc": {"permalink": False},
}


class _StringDatesLoader(StrictLoader):
    """StrictLoader that leaves timestamps as strings so we parse them ourselves."""


_StringDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in StrictLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Document:
    """A post or page, parsed and rendered, ready for the index."""

    kind: str
    slug: str
    title: str
    date: datetime
    updated: datetime | None
    author: str
    tags: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    summary_html: str = ""
    body_html: str = ""
    toc_html: str = ""
    description: str = ""
    text: str = ""
    draft: bool = False
    show_toc: bool = False
    cover: str = ""        # front matter `image`: a /media/ path or an http(s) URL
    cover_alt: str = ""
    # Filled in at index time by document_media.apply_media:
    cover_html: str = ""           # the cover <img> on the post's own page
    cover_listing_html: str = ""   # the cover <img> in listings (lazy)
    og_image: dict | None = None   # {"url", "width", "height"} for link previews
    media_keys: list = field(default_factory=list)
    aliases: list = field(default_factory=list)

    @property
    def words(self):
        """How many words the body has."""
        return len(self.text.split())


@dataclass(frozen=True)
class SourceKey:
    """What an S3 key names: a post or a page, and its slug."""

    kind: str
    slug: str


def classify_key(key):
    """Tell whether ``key`` is a post or a page; raise ContentError if neither."""
    for prefix, kind in (("posts/", "post"), ("pages/", "page")):
        if key.startswith(prefix):
            name = key[len(prefix):]
            break
    else:
        raise ContentError("not under posts/ or pages/", key=key)
    if "/" in name:
        raise ContentError("nested folders are not supported; put the file "
                           f"directly under {prefix}", key=key)
    if not name.endswith(".md"):
        raise ContentError("not a Markdown file (the name must end in .md)", key=key)
    # macOS writes decomposed (NFD) names; 'café' is one slug however it is spelled.
    slug = unicodedata.normalize("NFC", name[:-3])
    if not SLUG_PATTERN.match(slug):
        raise ContentError("the file name must be letters, digits, '-', '_' or "
                           f"'.' and start with a letter or digit (got {slug!r})", key=key)
    return SourceKey(kind=kind, slug=slug)


def check_source_size(data, key=None):
    """Raise ContentError if ``data`` is larger than any source the blog takes."""
    if len(data) > MAX_SOURCE_BYTES:
        raise ContentError(f"the file is {len(data):,} bytes (at most {MAX_SOURCE_BYTES:,})",
                           line=1, key=key)


def decode_source(data, key=None):
    """Decode UTF-8 bytes (a BOM is allowed) or raise with the bad line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise ContentError(f"not UTF-8 text (invalid byte 0x{data[error.start]:02x})",
                           line=line, key=key) from None


def split_front_matter(text, key=None):
    """Return (metadata dict, body text, line number where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FRONT_MATTER_FENCE:
        return {}, text, 1
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() == FRONT_MATTER_FENCE:
            block = "\n".join(lines[1:number - 1])
            body = "\n".join(lines[number:])
            break
    else:
        raise ContentError("front matter opened with '---' is never closed", line=1, key=key)
    try:
        meta = yaml.load(block, Loader=_StringDatesLoader)
    except yaml.YAMLError as error:
        line, problem = yaml_problem(error)
        raise ContentError(f"front matter does not parse: {problem}",
                           line=line + 1 if line else 1, key=key) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ContentError("front matter must be a mapping of keys to values",
                           line=2, key=key)
    return meta, body, number + 1


def key_line(text, name):
    """The 1-based line of ``name:`` in the front matter, for error messages."""
    pattern = re.compile(rf"^{re.escape(name)}\s*:", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def parse_date(value, tz):
    """Parse a contract date form into an aware UTC datetime, or raise ValueError."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date_type):
        moment = datetime.combine(value, time())
    elif isinstance(value, str):
        text = value.strip()
        if DATE_ONLY.match(text):
            moment = datetime.combine(date_type.fromisoformat(text), time())
        elif LOCAL_DATETIME.match(text):
            moment = datetime.fromisoformat(text.replace(" ", "T"))
        else:
            moment = datetime.fromisoformat(text)
            if moment.tzinfo is None:
                raise ValueError("an ISO 8601 date with a time needs an offset, "
                                 "or use 'YYYY-MM-DD HH:MM'")
    else:
        raise ValueError(f"expected a date, got {type(value).__name__}")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    moment = moment.astimezone(timezone.utc).replace(microsecond=0)
    # The index sorts dates as text, so every stored year has exactly four digits.
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise ValueError(f"the year {moment.year} is out of range "
                         f"({MIN_YEAR} to {MAX_YEAR}; a typo?)")
    return moment


def _first(meta, names):
    for name in names:
        if name in meta and meta[name] is not None:
            return name, meta[name]
    return None, None


def _term_list(value, name, line, key):
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        items = [value]  # `tags: 2026` is one tag
    elif isinstance(value, (list, tuple)):
        items = value
    else:
        raise ContentError(f"'{name}' must be a list or a comma-separated string",
                           line=line, key=key)
    terms, seen = [], set()
    for item in items:
        if isinstance(item, (dict, list)):
            raise ContentError(f"'{name}' entries must be plain words", line=line, key=key)
        label = str(item).strip()
        if len(label) > MAX_LABEL_CHARS:
            raise ContentError(f"a name in '{name}' is {len(label)} characters long "
                               f"(at most {MAX_LABEL_CHARS})", line=line, key=key)
        slug = slug_for(label)
        if not label or not slug or slug in seen:
            continue
        seen.add(slug)
        terms.append((label, slug))
    if len(terms) > MAX_LABELS_PER_KIND:
        raise ContentError(f"too many {name} ({len(terms)}, at most {MAX_LABELS_PER_KIND})",
                           line=line, key=key)
    return terms


def _string(meta, name, text, key, limit=MAX_TITLE_CHARS):
    value = meta[name]
    if isinstance(value, (dict, list)):
        raise ContentError(f"'{name}' must be text", line=key_line(text, name), key=key)
    value = str(value).strip()
    if len(value) > limit:
        raise ContentError(f"'{name}' is {len(value)} characters long (at most {limit})",
                           line=key_line(text, name), key=key)
    return value


def _flag(value):
    """True/False for the YAML and WordPress spellings of yes and no, else None."""
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def _is_draft(meta, text, key):
    """Whether any draft form holds: ``draft: yes``, ``status: private``, ``published: no``."""
    draft = False
    for name, means_draft in (("draft", True), ("published", False)):
        if meta.get(name) is None:
            continue
        value = _flag(meta[name])
        if value is None:
            hint = " (the publication date goes under 'date')" if name == "published" else ""
            raise ContentError(f"'{name}' must be true or false, not {meta[name]!r}{hint}",
                               line=key_line(text, name), key=key)
        draft = draft or value == means_draft
    if meta.get("status") is not None:
        status = str(meta["status"]).strip().lower()
        if status not in DRAFT_STATUSES + PUBLIC_STATUSES:
            raise ContentError(f"'status' must be one of {', '.join(DRAFT_STATUSES + PUBLIC_STATUSES)}"
                               f", not {meta['status']!r}", line=key_line(text, "status"), key=key)
        draft = draft or status in DRAFT_STATUSES
    return draft


# -- bounding Markdown's cost before it runs ------------------------------------
# Python-Markdown scans forward from every '[' for its ']' (and from every '](' for
# its ')') to the end of the paragraph, so a paragraph of unclosed brackets costs
# the square of its length: 16 KB of '[' took 20 s. Its raw-HTML pass does the same
# from every '<tag' without a '>', to the end of the whole document. It also recurses
# once per level of list nesting. All three are measured here in linear time and
# refused above MAX_INLINE_SCAN / MAX_NESTING, so rendering stays under a second.
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
BLOCK_PREFIX = re.compile(r"^(?:[ \t]|>|[-*+][ \t]|\d{1,9}[.)][ \t])*")
BRACKETS = re.compile(r"\[|\]\(?|\)")
ANGLES = re.compile(r"<[A-Za-z/!?]|>")
HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?(/?)>")
VOID_OR_SELF_CLOSING = frozenset(
    "area base br col embed hr img input link meta source track wbr "
    "p li dt dd tr td th thead tbody tfoot option rb rt rp".split())
# Measured on the reference machine: a character of bracket scanning costs about four
# times one of raw-HTML scanning; at MAX_INLINE_SCAN either renders in about a second.
BRACKET_WEIGHT, ANGLE_WEIGHT = 4, 1


def _outside_code_fences(lines):
    """(line number, line) of every line not inside a fenced code block."""
    fence = None
    for number, line in enumerate(lines, start=1):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * 3
        elif fence is not None and match and match.group(1).startswith(fence):
            fence = None
        elif fence is None:
            yield number, line


def _nesting(prefix):
    """Levels of quote and list a line opens: its markers, plus its indent in 4s."""
    expanded = prefix.expandtabs(4)
    markers = len(re.findall(r"[-*+>]|\d+[.)]", expanded))
    return markers + expanded.count(" ") // 4 if markers else 0


def _bracket_scan_cost(paragraph):
    """Characters scanned for the ']' of every '[' and the ')' of every '](' ."""
    cost, end = 0, len(paragraph)
    brackets, parens = [], []
    for match in BRACKETS.finditer(paragraph):
        token, at = match.group(0), match.start()
        if token == "[":
            brackets.append(at)
        elif token == ")":
            if parens:
                cost += at - parens.pop()
        else:
            if brackets:
                cost += at - brackets.pop()
            if token == "](":
                parens.append(at)
    return cost + sum(end - at for at in brackets) + sum(end - at for at in parens)


def _angle_scan_cost(text):
    """Characters scanned from every '<tag' to the next '>' (or the end)."""
    cost, opened = 0, []
    for match in ANGLES.finditer(text):
        if match.group(0) != ">":
            opened.append(match.start())
        elif opened:
            cost += len(opened) * match.start() - sum(opened)
            opened = []
    return cost + sum(len(text) - at for at in opened)


def check_markdown_cost(body, first_line=1, key=None):
    """Raise ContentError if ``body`` would nest too deeply or take too long to render."""
    lines, paragraph, cost, depth = [], [], 0, 0
    for number, line in _outside_code_fences(body.split("\n")):
        lines.append(line)
        line_depth = _nesting(BLOCK_PREFIX.match(line).group(0))
        if line_depth > MAX_NESTING:
            raise ContentError(f"lists or quotes nested {line_depth} levels deep "
                               f"(at most {MAX_NESTING})", line=first_line + number - 1, key=key)
        for tag in HTML_TAG.finditer(line):
            closing, name, self_closing = tag.groups()
            if name.lower() in VOID_OR_SELF_CLOSING or self_closing:
                continue
            depth = max(depth - 1, 0) if closing else depth + 1
            if depth > MAX_HTML_NESTING:
                raise ContentError(f"HTML elements nested more than {MAX_HTML_NESTING} "
                                   "levels deep", line=first_line + number - 1, key=key)
        if line.strip():
            paragraph.append(line)
        else:
            cost += _bracket_scan_cost("\n".join(paragraph))
            paragraph = []
    cost += _bracket_scan_cost("\n".join(paragraph))
    cost = BRACKET_WEIGHT * cost + ANGLE_WEIGHT * _angle_scan_cost("\n".join(lines))
    if cost > MAX_INLINE_SCAN:
        raise ContentError("too many unclosed '[', '](' or '<' (in long paragraphs): Markdown "
                           "would take too long to render; close them, escape them as "
                           "\\[ and &lt;, or split the paragraphs", line=first_line, key=key)


def _render_markdown(source):
    import markdown

    renderer = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS,
                                 extension_configs=MARKDOWN_CONFIG, output_format="html")
    body = _scrollable_boxes(renderer.convert(source))
    toc = renderer.toc if getattr(renderer, "toc_tokens", None) else ""
    return body, toc


def _render_trusted_or_clean(source, raw_html):
    """Markdown to HTML, cleaned by the post HTML policy unless the site allows raw HTML."""
    body, toc = _render_markdown(source)
    if raw_html:
        return body, toc
    from chalicelib.html_policy import clean_post_html

    return str(clean_post_html(body)), str(clean_post_html(toc)) if toc else ""


def _scrollable_boxes(html):
    """Let code blocks and tables scroll inside themselves, reachable by keyboard.

    A box that scrolls must take focus (WCAG 2.1.1), and a focusable box needs a
    name, so each is a labelled region. Column alignment becomes a class: a strict
    Content-Security-Policy blocks ``style`` attributes.
    """
    html = html.replace('<div class="highlight"><pre>',
                        '<div class="highlight"><pre tabindex="0" role="region" aria-label="Code">')
    html = TABLE_OPEN.sub(r'<div class="table-scroll" tabindex="0" role="region" '
                          r'aria-label="Table">\1', html)
    html = html.replace("</table>", "</table></div>")
    return CELL_ALIGN.sub(r'<\1 class="align-\2">', html)


def _words_from_slug(slug):
    words = re.sub(r"[-_.]+", " ", slug).strip()
    return words[:1].upper() + words[1:]


def parse_document(data, key, last_modified, site):
    """Turn the bytes of ``key`` into a rendered Document, or raise ContentError.

    ``site`` supplies the timezone, the default author and the HTML policy
    (``raw_html``); ``last_modified`` (aware datetime) is the date of a post
    that gives none. This is the one validator: ``blog check``, ``blog publish``
    and the indexer all call it, so what it accepts can be stored and read back.
    """
    source_key = classify_key(key)
    check_source_size(data, key)
    text = decode_source(data, key=key)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ContentError("the file is empty", line=1, key=key)
    meta, body, body_line = split_front_matter(text, key=key)
    tz = site.tzinfo

    if meta.get("slug") is not None and str(meta["slug"]).strip() != source_key.slug:
        raise ContentError(f"'slug' cannot differ from the file name: the slug is the file "
                           f"name, so rename the file to {str(meta['slug']).strip()}.md "
                           "(or drop 'slug')", line=key_line(text, "slug"), key=key)
    draft = _is_draft(meta, text, key)

    dates = {}
    for field_name, names in (("date", ("date",)), ("updated", ALIASES["updated"])):
        name, value = _first(meta, names)
        if name is None:
            continue
        try:
            dates[field_name] = parse_date(value, tz)
        except (ValueError, OverflowError) as error:
            raise ContentError(f"'{name}' is not a date ({value!r}): {error}",
                               line=key_line(text, name), key=key) from None
    published = dates.get("date") or last_modified.astimezone(timezone.utc).replace(microsecond=0)

    title = _string(meta, "title", text, key) if meta.get("title") is not None else ""
    if not title:
        heading = FIRST_HEADING.search(body)
        if heading and not body[:heading.start()].strip():
            title = heading.group(1).strip()
            if len(title) > MAX_TITLE_CHARS:
                raise ContentError(f"the title (the first heading) is {len(title)} characters "
                                   f"long (at most {MAX_TITLE_CHARS})",
                                   line=body_line + body[:heading.start()].count("\n"), key=key)
            body = body[:heading.start()] + body[heading.end():]
        else:
            title = _words_from_slug(source_key.slug)[:MAX_TITLE_CHARS]

    author = _string(meta, "author", text, key) if meta.get("author") is not None else ""
    tags = _tags_or_categories(meta, text, key, ("tags",), "tags")
    categories = _tags_or_categories(meta, text, key, ALIASES["categories"], "categories")

    check_markdown_cost(body, body_line, key)
    raw_html = getattr(site, "raw_html", False)
    body_html, toc_html = _render_trusted_or_clean(body, raw_html)
    summary_name, summary_value = _first(meta, ALIASES["summary"])
    if summary_value is not None:
        if isinstance(summary_value, (dict, list)):
            raise ContentError(f"'{summary_name}' must be text",
                               line=key_line(text, summary_name), key=key)
        summary_source = str(summary_value)
        if len(summary_source) > MAX_SUMMARY_CHARS:
            raise ContentError(f"'{summary_name}' is {len(summary_source)} characters long "
                               f"(at most {MAX_SUMMARY_CHARS})",
                               line=key_line(text, summary_name), key=key)
        check_markdown_cost(summary_source, key_line(text, summary_name) or 1, key)
        summary_html, _ = _render_trusted_or_clean(summary_source, raw_html)
    elif MORE_MARKER in body:
        summary_html, _ = _render_trusted_or_clean(body.split(MORE_MARKER, 1)[0], raw_html)
    else:
        first = FIRST_PARAGRAPH.search(body_html)
        summary_html = first.group(0) if first else ""

    cover, cover_alt = _cover(meta, text, key)
    body_text = plain_text(body_html)
    if len(summary_html.encode("utf-8")) > MAX_SUMMARY_HTML_BYTES:
        # Listings repeat the summary in every index entry; a huge first paragraph
        # becomes a short plain-text one instead of an item too big to store.
        import html

        summary_html = f"<p>{html.escape(_shorten(plain_text(summary_html), 600))}</p>"
    show_toc = bool(meta.get("toc"))
    if not show_toc:
        toc_html = ""
    elif len(toc_html.encode("utf-8")) > MAX_TOC_HTML_BYTES:
        raise ContentError("the table of contents is too large to store "
                           f"({len(toc_html.encode('utf-8')):,} bytes of HTML, at most "
                           f"{MAX_TOC_HTML_BYTES:,}): use fewer headings or drop 'toc'",
                           line=key_line(text, "toc"), key=key)
    description = plain_text(summary_html) or body_text
    return Document(
        kind=source_key.kind, slug=source_key.slug, title=title, date=published,
        updated=dates.get("updated"), author=author or site.author, tags=tags,
        categories=categories, summary_html=summary_html, body_html=body_html,
        toc_html=toc_html, description=_shorten(description, 200), text=body_text,
        draft=draft, show_toc=show_toc, aliases=_old_addresses(meta, text, key),
        cover=cover, cover_alt=cover_alt,
    )


def _cover(meta, text, key):
    """Front matter ``image`` (a ``/media/`` path or an http(s) URL) and ``image_alt``."""
    if meta.get("image") is None:
        return "", ""
    cover = _string(meta, "image", text, key)
    alt = _string(meta, "image_alt", text, key) if meta.get("image_alt") is not None else ""
    from chalicelib.images import media_path

    if cover and not (media_path(cover) or COVER_URL.match(cover)):
        raise ContentError(f"'image' must be a /media/ path or an http(s) URL (got {cover!r})",
                           line=key_line(text, "image"), key=key)
    return cover, alt


def _old_addresses(meta, text, key):
    """Front matter ``aliases``: old paths of this document, in their normal form."""
    from chalicelib.redirects import alias_path

    value = meta.get("aliases")
    if value is None:
        return []
    line = key_line(text, "aliases")
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ContentError("'aliases' must be a list of old paths such as "
                           "/2004/11/28/old-post/", line=line, key=key)
    if len(items) > MAX_ALIASES:
        raise ContentError(f"too many aliases ({len(items)}, at most {MAX_ALIASES})",
                           line=line, key=key)
    found = []
    for item in items:
        path = item.strip()
        if (not path.startswith("/") or len(path) > MAX_ALIAS_CHARS
                or any(char.isspace() or not char.isprintable() for char in path)):
            raise ContentError(f"alias {item[:80]!r} must be a path on this site, "
                               "starting with '/' and without spaces", line=line, key=key)
        found.append(alias_path(path))
    return list(dict.fromkeys(found))


def _tags_or_categories(meta, text, key, names, label):
    name, value = _first(meta, names)
    if name is None:
        return []
    return _term_list(value, label, key_line(text, name), key)


def _shorten(text, limit):
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:") + "…"


def unknown_keys_like_known(meta):
    """Front-matter keys that look like a known key but are not one: (key, known key).

    Case (``Title``), typos (``titel``, ``summery``) and a few synonyms (``cats``).
    """
    suspects = []
    for name in meta:
        if not isinstance(name, str) or name in KNOWN_KEYS:
            continue
        lower = name.lower()
        if lower in KNOWN_KEYS:
            suspects.append((name, lower))
        elif lower in SYNONYMS:
            suspects.append((name, SYNONYMS[lower]))
        else:
            close = difflib.get_close_matches(lower, sorted(KNOWN_KEYS), n=1, cutoff=0.75)
            if close:
                suspects.append((name, close[0]))
    return suspects
