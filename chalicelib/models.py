"""What the index hands to views and templates: list entries and whole posts."""
import re
from dataclasses import dataclass, field
from datetime import datetime

from markupsafe import Markup

HIGHEST = "\U0010ffff"
_UNPADDED_YEAR = re.compile(r"^(\d{1,3})-")


def timestamp(moment):
    """A sortable UTC timestamp string for the index's sort keys.

    The year always has four digits (``strftime('%Y')`` writes ``26`` for the
    year 26 on Linux), so text order is time order and every value reads back.
    """
    return (f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
            f"T{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}Z")


def parse_timestamp(text):
    """The aware UTC datetime of an index timestamp (also the unpadded years older
    versions wrote), or None for an empty one."""
    if not text:
        return None
    text = _UNPADDED_YEAR.sub(lambda match: f"{int(match.group(1)):04d}-", text)
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def sort_key(moment, slug):
    """The sort key of a post in every listing: newest-first by time, then slug."""
    return f"{timestamp(moment)}#{slug}"


@dataclass
class Label:
    """A tag or category: its name as written and its URL slug."""

    name: str
    slug: str


@dataclass
class Entry:
    """A post as listings show it: metadata and the rendered summary."""

    kind: str
    slug: str
    title: str
    date: datetime
    updated: datetime | None = None
    author: str = ""
    tags: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    summary: Markup = Markup("")
    description: str = ""
    words: int = 0
    revision: int = 0
    chunks: int = 0
    cover: Markup = Markup("")   # the cover <img> for listings

    @property
    def url(self):
        """Site-relative URL of the post or page."""
        from chalicelib import urls  # urls builds on keys, which builds on this module

        return urls.document(self.kind, self.slug)

    @property
    def sort_key(self):
        """Where the entry sits in every listing."""
        return sort_key(self.date, self.slug)

    @property
    def reading_minutes(self):
        """Minutes to read at 220 words a minute, at least one."""
        return max(1, round(self.words / 220))


@dataclass
class Post(Entry):
    """A whole post or page, with its rendered body."""

    body: Markup = Markup("")
    toc: Markup = Markup("")
    show_toc: bool = False
    page_cover: Markup = Markup("")   # the cover <img> at the top of its own page
    og_image: dict | None = None      # {"url", "width", "height"} for link previews
