"""What the widgets show from the index: counts, months, pages, recent posts.

Pure functions over stored items: no AWS here. The writer keeps a snapshot
of this data in the site item (``stored_form``), so a cold page reads it with
the settings in one GetItem. Counts include scheduled posts until their
moment, so the scheduled ones not yet due are taken off when it is read.
"""
import json
from dataclasses import dataclass, field

from chalicelib import keys
from chalicelib.models import Entry, parse_timestamp, timestamp

RECENT_KEPT = 50  # the most a recent_posts widget shows
PAGE_SCHEDULE_PREFIX = "page:"  # scheduled-map names of pages (posts go by their slug)


@dataclass
class SidebarData:
    """Everything widgets show that comes from the index."""

    recent: list = field(default_factory=list)
    months: list = field(default_factory=list)      # [(year, month, count)], newest first
    categories: list = field(default_factory=list)  # [(name, slug, count)] by name
    tags: list = field(default_factory=list)        # [(name, slug, count)] by name
    pages: list = field(default_factory=list)       # [(title, slug)] by title

    def label_name(self, kind, slug):
        """The name of a tag ("tag") or category ("cat") with published posts, or None."""
        labels = self.tags if kind == keys.TAG else self.categories
        return next((name for name, found, _ in labels if found == slug), None)


def not_yet_due(scheduled, now):
    """The scheduled entries (``{d, m, t, c}``) still in the future at ``now``."""
    moment = timestamp(now)
    return [entry for entry in scheduled.values() if entry.get("d", "") > moment]


def pending_counts(scheduled, now):
    """How much each aggregate sort key counts posts that are not yet due."""
    minus = {}
    for entry in not_yet_due(scheduled, now):
        labels = [keys.aggregate_sk(keys.TAG, slug) for slug in entry.get("t", [])]
        labels += [keys.aggregate_sk(keys.CATEGORY, slug) for slug in entry.get("c", [])]
        if entry.get("m"):  # pages wait here too, with no month or labels
            labels.append(keys.aggregate_sk(keys.MONTH, entry["m"]))
        for sk in labels:
            minus[sk] = minus.get(sk, 0) + 1
    return minus


def build_sidebar(aggregates, scheduled, now, recent=()):
    """SidebarData from the AGG items, less the posts that are not yet due."""
    minus = pending_counts(scheduled, now)
    data = SidebarData(recent=list(recent))
    moment = timestamp(now)
    waiting = {name[len(PAGE_SCHEDULE_PREFIX):] for name, entry in scheduled.items()
               if name.startswith(PAGE_SCHEDULE_PREFIX) and entry.get("d", "") > moment}
    for item in aggregates:
        kind, name = keys.split_aggregate_sk(item["sk"])
        if kind == keys.PAGE_ENTRY:
            if name not in waiting:  # a page dated in the future is scheduled
                data.pages.append((item.get("title", name), name))
            continue
        count = item.get("count", 0) - minus.get(item["sk"], 0)
        if count <= 0:
            continue
        if kind == keys.TAG:
            data.tags.append((item.get("name", name), name, count))
        elif kind == keys.CATEGORY:
            data.categories.append((item.get("name", name), name, count))
        elif kind == keys.MONTH:
            year, month = name.split("-")
            data.months.append((int(year), int(month), count))
    data.tags.sort(key=lambda tag: tag[0].lower())
    data.categories.sort(key=lambda cat: cat[0].lower())
    data.months.sort(reverse=True)
    data.pages.sort(key=lambda page: page[0].lower())
    return data


def stored_form(aggregates, recent):
    """The snapshot the site item keeps: aggregates and the newest listing items, as JSON."""
    return json.dumps({
        "agg": [[item["sk"], item.get("name") or item.get("title"), item.get("count", 0)]
                for item in aggregates],
        "recent": [[item["slug"], item["title"], item["date"]] for item in recent],
    }, ensure_ascii=False, separators=(",", ":"))


def from_stored_form(text, scheduled, now, recent_count=RECENT_KEPT):
    """SidebarData at ``now`` from ``stored_form``'s JSON and the scheduled posts."""
    raw = json.loads(text)
    aggregates = []
    for sk, name, count in raw.get("agg", []):
        kind, _ = keys.split_aggregate_sk(sk)
        label = "title" if kind == keys.PAGE_ENTRY else "name"
        aggregates.append({"sk": sk, label: name, "count": count})
    moment = timestamp(now)
    recent = [Entry(kind="post", slug=slug, title=title, date=parse_timestamp(date))
              for slug, title, date in raw.get("recent", []) if date <= moment]
    return build_sidebar(aggregates, scheduled, now, recent[:recent_count])
