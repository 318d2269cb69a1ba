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
    policy: str = ""   # Content-Security-Policy (it hashes the page's own <style> blocks)
    base64: str | None = None  # the body base64-encoded, as API Gateway takes it


class PageCache:
    """Least-recently-used pages, never holding more than ``max_bytes`` of bodies."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self._pages = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._previous = {}  # the pages before the last clear(): served only if storage fails

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
        """Forget every page (the site changed), keeping them as last good copies."""
        with self._lock:
            self._previous, self._pages = self._pages, OrderedDict()
            self._bytes = 0

    def stale(self, key):
        """The newest copy of ``key`` held, even from before the last clear(), or None.

        Served only while storage fails (stale-if-error): an old page beats an
        error page. At most one generation is kept, so memory stays within twice
        ``max_bytes``.
        """
        with self._lock:
            return self._pages.get(key) or self._previous.get(key)
