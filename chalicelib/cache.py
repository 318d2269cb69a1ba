"""An in-process page cache for a warm Lambda, bounded by bytes."""
import threading
from collections import OrderedDict
from dataclasses import dataclass


@dataclass(frozen=True)
class CachedPage:
    """A rendered response body with the headers that describe it."""

    body: str
    content_type: str
    etag: str
    size: int
    last_modified: str | None = None
    status: int = 200
    location: str | None = None


class PageCache:
    """Least-recently-used pages, never holding more than ``max_bytes`` of bodies."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self._pages = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def size_bytes(self):
        """Bytes of page bodies held now."""
        return self._bytes

    def __len__(self):
        return len(self._pages)

    def get(self, key):
        """The cached page for ``key`` (marking it recently used), or None."""
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key, page):
        """Keep ``page``; evict the least recently used until it fits."""
        size = page.size
        if size > self.max_bytes:
            return
        with self._lock:
            previous = self._pages.pop(key, None)
            if previous is not None:
                self._bytes -= previous.size
            self._pages[key] = page
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, evicted = self._pages.popitem(last=False)
                self._bytes -= evicted.size

    def clear(self):
        """Forget every page (the site changed)."""
        with self._lock:
            self._pages.clear()
            self._bytes = 0
