"""Source files to documents: front matter, dates, Markdown to HTML.

This runs when content is indexed (the S3 event, ``blog publish``, local
mode), never on a page request, so Markdown and Pygments are imported here
lazily and stay out of the reader's cold start.
"""
import re
from dataclasses import dataclass, field
from datetime import date as date_type
from datetime import datetime, time, timezone

import yaml

from chalicelib.errors import ContentError
from chalicelib.text import plain_text, slug_for

MORE_MARKER = "<!-- more -->"
FRONT_MATTER_FENCE = "---"
MAX_TERMS_PER_KIND = 40
MAX_ALIASES = 50
MAX_ALIAS_LENGTH = 500

KNOWN_KEYS = {
    "title", "date", "updated", "modified", "lastmod", "author", "categories",
    "category", "tags", "summary", "description", "draft", "status", "toc", "aliases",
}
ALIASES = {
    "updated": ("updated", "modified", "lastmod"),
    "categories": ("categories", "category"),
    "summary": ("summary", "description"),
}
SLUG_PATTERN = re.compile(r"^\w[\w.-]*$")
DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LOCAL_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$")
FIRST_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
FIRST_PARAGRAPH = re.compile(r"^<p>.*?</p>", re.MULTILINE | re.DOTALL)
MARKDOWN_EXTENSIONS = ["fenced_code", "codehilite", "tables", "footnotes", "toc",
                       "attr_list", "def_list", "abbr", "sane_lists"]
TABLE_OPEN = re.compile(r"(<table\b)")
CELL_ALIGN = re.compile(r'<(td|th) style="text-align: (left|center|right);">')
MARKDOWN_CONFIG = {
    "codehilite": {"css_class": "highlight", "guess_lang": False},
    "toc": {"permalink": False},
}


class _StringDatesLoader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as strings so we parse them ourselves."""


_StringDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
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
    slug = name[:-3]
    if not SLUG_PATTERN.match(slug):
        raise ContentError("the file name must be letters, digits, '-', '_' or "
                           f"'.' and start with a letter or digit (got {slug!r})", key=key)
    return SourceKey(kind=kind, slug=slug)


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
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error)
        raise ContentError(f"front matter does not parse: {problem}", line=line,
                           key=key) from None
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
    return moment.astimezone(timezone.utc).replace(microsecond=0)


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
        slug = slug_for(label)
        if not label or not slug or slug in seen:
            continue
        seen.add(slug)
        terms.append((label, slug))
    if len(terms) > MAX_TERMS_PER_KIND:
        raise ContentError(f"too many {name} ({len(terms)}, at most {MAX_TERMS_PER_KIND})",
                           line=line, key=key)
    return terms


def _string(meta, name, text, key):
    value = meta[name]
    if isinstance(value, (dict, list)):
        raise ContentError(f"'{name}' must be text", line=key_line(text, name), key=key)
    return str(value).strip()


def _is_draft(meta):
    draft = meta.get("draft")
    if isinstance(draft, str):
        draft = draft.strip().lower() in ("true", "yes", "1")
    status = str(meta.get("status") or "").strip().lower()
    return bool(draft) or status == "draft"


def _render_markdown(source):
    import markdown

    renderer = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS,
                                 extension_configs=MARKDOWN_CONFIG, output_format="html")
    body = _scrollable_boxes(renderer.convert(source))
    toc = renderer.toc if getattr(renderer, "toc_tokens", None) else ""
    return body, toc


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

    ``site`` supplies the timezone and the default author; ``last_modified``
    (aware datetime) is the date of a post that gives none.
    """
    source_key = classify_key(key)
    text = decode_source(data, key=key)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, body, _ = split_front_matter(text, key=key)
    tz = site.tzinfo

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
            body = body[:heading.start()] + body[heading.end():]
        else:
            title = _words_from_slug(source_key.slug)

    author = _string(meta, "author", text, key) if meta.get("author") is not None else ""
    tags = _tags_or_categories(meta, text, key, ("tags",), "tags")
    categories = _tags_or_categories(meta, text, key, ALIASES["categories"], "categories")

    body_html, toc_html = _render_markdown(body)
    summary_name, summary_value = _first(meta, ALIASES["summary"])
    if summary_value is not None:
        if isinstance(summary_value, (dict, list)):
            raise ContentError(f"'{summary_name}' must be text",
                               line=key_line(text, summary_name), key=key)
        summary_html, _ = _render_markdown(str(summary_value))
    elif MORE_MARKER in body:
        summary_html, _ = _render_markdown(body.split(MORE_MARKER, 1)[0])
    else:
        first = FIRST_PARAGRAPH.search(body_html)
        summary_html = first.group(0) if first else ""

    body_text = plain_text(body_html)
    description = plain_text(summary_html) or body_text
    return Document(
        kind=source_key.kind, slug=source_key.slug, title=title, date=published,
        updated=dates.get("updated"), author=author or site.author, tags=tags,
        categories=categories, summary_html=summary_html, body_html=body_html,
        toc_html=toc_html, description=_shorten(description, 200), text=body_text,
        draft=_is_draft(meta), show_toc=bool(meta.get("toc")),
        aliases=_old_addresses(meta, text, key),
    )


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
        if (not path.startswith("/") or len(path) > MAX_ALIAS_LENGTH
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
    """Front-matter keys that look like a known key but are not one (``Title``, ``tag``)."""
    suspects = []
    near = {"tag": "tags", "categorie": "categories", "cats": "categories",
            "dates": "date", "summery": "summary", "authors": "author",
            "published": "date", "drafts": "draft", "update": "updated"}
    for name in meta:
        if not isinstance(name, str) or name in KNOWN_KEYS:
            continue
        lower = name.lower()
        if lower in KNOWN_KEYS:
            suspects.append((name, lower))
        elif lower in near:
            suspects.append((name, near[lower]))
    return suspects

