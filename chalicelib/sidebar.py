"""What the widgets show from the index: counts, months, pages, recent posts.

Pure functions over stored items: no AWS here. Counts include scheduled
posts until their moment, so the scheduled ones not yet due are taken off.
"""
from dataclasses import dataclass, field

from chalicelib import keys
from chalicelib.models import timestamp


@dataclass
class SidebarData:
    """Everything widgets show that comes from the index."""

    recent: list = field(default_factory=list)
    months: list = field(default_factory=list)      # [(year, month, count)], newest first
    categories: list = field(default_factory=list)  # [(name, slug, count)] by name
    tags: list = field(default_factory=list)        # [(name, slug, count)] by name
    pages: list = field(default_factory=list)       # [(title, slug)] by title


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
    for item in aggregates:
        kind, name = keys.split_aggregate_sk(item["sk"])
        if kind == keys.PAGE_ENTRY:
            if item.get("d", "") <= moment:  # a page dated in the future is scheduled
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
