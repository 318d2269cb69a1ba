"""`blog reindex`: make the index say exactly what the bucket holds.

Every key in S3 is synced with ``force=True`` (the same ``sync_key`` the S3
handler runs), then every post, page or recorded error whose source is no
longer in S3 is synced too, which removes it: a missed create or delete
event is healed either way.
"""
from collections import Counter
from dataclasses import dataclass, field



@dataclass
class ReindexSummary:
    """Counts per sync action, and the keys that failed with why."""

    actions: Counter = field(default_factory=Counter)
    errors: list = field(default_factory=list)   # [(key, detail)]

    def add(self, result):
        """Count one SyncResult."""
        self.actions[result.action] += 1
        if result.action == "error":
            self.errors.append((result.key, result.detail))

    def line(self):
        """'N indexed, N removed, ...' in a fixed order."""
        order = ("indexed", "unchanged", "draft", "removed", "ignored", "error")
        parts = [f"{self.actions[action]} {'errors' if action == 'error' else action}"
                 for action in order if self.actions[action] or action in ("indexed", "error")]
        return ", ".join(parts)


def indexed_sources(index):
    """S3 keys the index holds something for: posts (scheduled too), pages, errors."""
    keys = {f"{kind}s/{slug}.md" for kind, slug in index.sources()}
    keys |= {item["sk"] for item in index.errors()}
    return keys


def plan(services):
    """(keys in S3, keys only the index still knows), each sorted."""
    present = sorted(services.store.keys())
    stale = sorted(indexed_sources(services.index) - set(present))
    return present, stale


def reindex(services, keys, advance=lambda key: None):
    """Sync every key with force; call ``advance(key)`` after each.

    A key that fails even after botocore's retries (throttling, an outage) is
    counted as an error and the rest carry on; the caller exits 1 at the end.
    """
    from chalicelib.errors import StorageUnavailable
    from chalicelib.sync import SyncResult

    summary = ReindexSummary()
    for key in keys:
        try:
            result = services.sync(key, force=True)
        except StorageUnavailable as error:
            result = SyncResult(key, "error", f"storage failed, try again: {error}")
        summary.add(result)
        advance(key)
    return summary
