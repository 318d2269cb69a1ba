"""One WordPress post or page as this blog's Markdown file, and its comments as JSON.

Only the rules of the mapping live here: which statuses hide an item, how
WordPress dates become front-matter dates, which slug a file gets and which
old addresses become its aliases. The files are written by the import.
"""
import html
import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import unquote, urlsplit

import yaml

WP_DATETIME = "%Y-%m-%d %H:%M:%S"
WP_DATETIME_PATTERN = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$")
KINDS = {"post": "posts", "page": "pages"}
PUBLISHED = "publish"
SCHEDULED = "future"
HIDDEN_STATUSES = ("draft", "pending", "private")
SKIPPED_STATUSES = ("auto-draft", "trash")
MAX_OFFSET = timedelta(hours=14)
MAX_SLUG_BYTES = 180
NOT_SLUG = re.compile(r"[^\w.-]+")
TAG = re.compile(r"<[^>]+>")
NUMBERS = ("id", "parent", "user_id")
COMMENT_GROUPS = {"1": "approved", "0": "pending", "spam": "spam", "trash": "trash"}


def parse_wp_datetime(text):
    """A WordPress 'YYYY-MM-DD HH:MM:SS' as a naive datetime; None for 0000-00-00 or junk."""
    match = WP_DATETIME_PATTERN.match((text or "").strip())
    if not match:
        return None
    try:
        return datetime(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def _offset_text(offset):
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def wp_date(local_text, gmt_text):
    """(front-matter date, UTC offset in minutes or None) from WordPress's two dates.

    With both dates the result is the local time with its offset, so the post
    keeps its instant and the hour its author saw. Without the GMT date
    (drafts have 0000-00-00 00:00:00) it is the local time alone, which the
    blog reads in the site's timezone.
    """
    local, gmt = parse_wp_datetime(local_text), parse_wp_datetime(gmt_text)
    if gmt is not None and local is not None:
        offset = local - gmt
        if abs(offset) <= MAX_OFFSET and offset.total_seconds() % 900 == 0:
            stamp = local.strftime("%Y-%m-%dT%H:%M:%S") + _offset_text(offset)
            return stamp, int(offset.total_seconds() // 60)
    if gmt is not None:
        return gmt.strftime("%Y-%m-%dT%H:%M:%S") + "+00:00", None
    if local is not None:
        return local.strftime(WP_DATETIME), None
    return None, None


def clean_slug(text):
    """A file-name-safe slug: letters, digits, '-', '_' and '.', starting with a letter or digit."""
    slug = NOT_SLUG.sub("-", text.strip().lower()).strip("-._")
    slug = re.sub(r"-{2,}", "-", slug)
    while len(slug.encode("utf-8")) > MAX_SLUG_BYTES:
        slug = slug[:-1]
    return slug.rstrip("-._")


def wanted_slug(post_name, title):
    """(slug, True) from post_name (percent-decoded), else (slug from title, False)."""
    from slugify import slugify

    explicit = clean_slug(unquote(post_name or ""))
    if explicit:
        return explicit, True
    return clean_slug(slugify(plain_title(title), allow_unicode=True)), False


def unique_slugs(candidates):
    """Give each (key, slug, explicit) its own slug; explicit post_names are served first.

    Returns ({key: slug}, [(key, wanted, given)]) where the second list names
    every item that had to take a suffix.
    """
    taken, given, renamed = set(), {}, []
    ordered = [c for c in candidates if c[2]] + [c for c in candidates if not c[2]]
    for key, slug, _explicit in ordered:
        base = slug or f"item-{key[1]}"
        choice, number = base, 2
        while choice in taken:
            choice = f"{base}-{number}"
            number += 1
        taken.add(choice)
        given[key] = choice
        if slug and choice != slug:
            renamed.append((key, slug, choice))
    return given, renamed


def plain_title(title):
    """A title as text: WordPress titles may hold tags and entities."""
    return " ".join(html.unescape(TAG.sub("", title or "")).split())


def link_path(url, hosts):
    """The path (and query) of ``url`` if it is on the old site, else None."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https", "") or (parts.netloc and
                                                     parts.netloc.lower() not in hosts):
        return None
    if not parts.path and not parts.query:
        return None
    path = unquote(parts.path or "/")
    return path + ("?" + parts.query if parts.query else "")


def aliases_for(item, kind, hosts):
    """The old addresses of an item: its permalink's path and its ?p= / ?page_id= form."""
    found = []
    own = link_path(item.link, hosts)
    if own and own != "/":
        found.append(own)
    if item.post_id:
        found.append(f"/?p={item.post_id}" if kind == "post" else f"/?page_id={item.post_id}")
    return list(dict.fromkeys(found))


def terms_of(item):
    """(categories, tags) names of an item, each once, in file order."""
    categories, tags = [], []
    for domain, _nicename, name in item.terms:
        label = html.unescape(name).strip()
        if not label:
            continue
        if domain == "category":
            categories.append(label)
        elif domain in ("post_tag", "tag"):
            tags.append(label)
    return list(dict.fromkeys(categories)), list(dict.fromkeys(tags))


@dataclass
class Visibility:
    """How an item shows on the new blog."""

    draft: bool
    scheduled: bool
    note: str = ""


def visibility(item):
    """Draft, scheduled, or published; with a note when the mapping needs saying."""
    if item.password:
        return Visibility(draft=True, scheduled=False,
                          note="was password-protected: imported as a draft")
    if item.status == PUBLISHED:
        return Visibility(draft=False, scheduled=False)
    if item.status == SCHEDULED:
        return Visibility(draft=False, scheduled=True)
    if item.status in HIDDEN_STATUSES:
        return Visibility(draft=True, scheduled=False)
    return Visibility(draft=True, scheduled=False,
                      note=f"has the unknown status {item.status!r}: imported as a draft")


def document_text(meta, body):
    """A Markdown file: YAML front matter between '---' lines, then the body."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)   # libyaml when present: faster
    block = yaml.dump(meta, Dumper=dumper, allow_unicode=True, sort_keys=False,
                      default_flow_style=False, width=10_000)
    return f"---\n{block}---\n\n{body}"


def comments_document(item, kind, slug):
    """The JSON of an item's comments, grouped by status; (text, Counter-like dict)."""
    groups = {name: [] for name in ("approved", "pending", "spam", "trash")}
    for comment in sorted(item.comments, key=lambda found: int(found.get("id") or 0)
                          if str(found.get("id") or "").isdigit() else 0):
        group = COMMENT_GROUPS.get(comment.get("approved", ""), "pending")
        entry = {name: int(value) if name in NUMBERS and value.isdigit() else value
                 for name, value in comment.items()
                 if name not in ("approved", "date", "date_gmt")}
        entry["date"], _offset = wp_date(comment.get("date"), comment.get("date_gmt"))
        groups[group].append(entry)
    counts = {name: len(entries) for name, entries in groups.items()}
    document = {"kind": kind, "slug": slug, "wordpress_id": item.post_id,
                "title": plain_title(item.title), **groups}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n", counts
