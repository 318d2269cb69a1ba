"""Local mode's indexer: it indexes what changed, as S3 events do for a deployed blog.

One thread, once a second, looks at two things and indexes what changed
through ``Services.sync`` (the path ``on_content_change`` takes):

- the content folder: a changed or new file under ``posts/`` or ``pages/``, or
  a servable file anywhere under ``media/``, is uploaded, a removed one
  deleted; a changed ``site.yaml`` is pushed, a broken one reported while the
  previous settings stay;
- the embedded bucket: any object another client wrote or deleted
  (``aws s3 cp --endpoint-url ...``), as the embedded moto reports it
  (``embedded_aws.ObjectChanges``): nothing is listed, so a round costs the
  same at 10 objects as at 10,000.
"""
import logging
import threading
from pathlib import Path

from chalicelib.media import MEDIA_PREFIX, content_type, is_variant_key
from chalicelib.store import CONTENT_PREFIXES

from blog_cli.embedded_aws import ObjectChanges
from blog_cli.sitefile import SiteFileError, changes_indexed_posts, push_site_file

log = logging.getLogger(__name__)
SITE_FILE = "site.yaml"
POLL_SECONDS = 1.0
STOP_SECONDS = 1.0  # Ctrl-C waits no longer than this for a round to end
QUIET_ACTIONS = {"unchanged", "ignored"}


def folder_files(root):
    """{relative key: (mtime_ns, size)} of site.yaml, posts/, pages/ and media/ files."""
    found = {}
    site = root / SITE_FILE
    if site.is_file():
        stat = site.stat()
        found[SITE_FILE] = (stat.st_mtime_ns, stat.st_size)
    for prefix in CONTENT_PREFIXES:
        folder = root / prefix
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if path.name.startswith(".") or path.name.endswith("~") or not path.is_file():
                continue  # editors' swap and backup files are not content
            try:
                stat = path.stat()
            except FileNotFoundError:
                continue
            found[prefix + path.name] = (stat.st_mtime_ns, stat.st_size)
    found.update(media_files(root))
    return found


def media_files(root):
    """{media key: (mtime_ns, size)} of the servable files under ``media/`` at any depth.

    A file of a type that is never served (a CREDITS.md, say) stays local.
    """
    found = {}
    folder = root / MEDIA_PREFIX
    if not folder.is_dir():
        return found
    for path in sorted(folder.rglob("*")):
        key = MEDIA_PREFIX + path.relative_to(folder).as_posix()
        if (not path.is_file() or path.name.startswith(".") or is_variant_key(key)
                or content_type(key) is None):
            continue
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        found[key] = (stat.st_mtime_ns, stat.st_size)
    return found


def is_content_key(key):
    """True for what the blog indexes: posts/, pages/ and media/ originals (not variants)."""
    return key.startswith((*CONTENT_PREFIXES, MEDIA_PREFIX)) and not is_variant_key(key)


def changed_keys(before, after):
    """Keys added, changed or removed between two snapshots, sorted."""
    return sorted(key for key in set(before) | set(after) if before.get(key) != after.get(key))


def settled(before, after, failed):
    """``after``, except that keys in ``failed`` keep their ``before`` state (retried next round)."""
    result = dict(after)
    for key in failed:
        if key in before:
            result[key] = before[key]
        else:
            result.pop(key, None)
    return result


class ContentWatcher:
    """Polls the content folder and the bucket; syncs every change it sees."""

    def __init__(self, root, services, report, on_change=lambda: None,
                 interval=POLL_SECONDS):
        self.root = Path(root)
        self.services = services
        self._report = report
        self._on_change = on_change
        self._interval = interval
        self._stop = threading.Event()
        self._thread = None
        self._files = {}
        self._objects = ObjectChanges(services.store.bucket)
        self._retry = set()

    def snapshot(self):
        """Take the current state as the baseline (after the initial load)."""
        self._files = folder_files(self.root)
        self._objects.take()

    def start(self):
        """Poll in a daemon thread until ``stop``."""
        self._thread = threading.Thread(target=self._run, name="blog-watcher", daemon=True)
        self._thread.start()

    def stop(self):
        """Stop polling; a round under way stops at its next file."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=STOP_SECONDS)
        self._objects.close()

    def _run(self):
        while not self._stop.wait(self._interval):
            try:
                self.poll()
            except Exception as error:  # keep watching whatever one round hits
                self._report(f"watcher: {error}")

    def poll(self):
        """One round: sync folder changes, then bucket changes; True if anything changed."""
        handled = self._sync_folder()
        changed = self._sync_bucket(skip=handled) or bool(handled)
        if changed:
            self._on_change()
        return changed

    def _sync_folder(self):
        files = folder_files(self.root)
        keys = changed_keys(self._files, files)
        failed = set()
        for key in keys:
            if self._stop.is_set():
                failed.add(key)
                continue
            if key == SITE_FILE:
                self._push_site(present=key in files)
                continue
            try:  # one key failing never holds up the others, nor a delete
                if key in files and key.startswith(MEDIA_PREFIX):
                    self.services.media.put_original(key, (self.root / key).read_bytes())
                elif key in files:
                    self.services.store.put(key, (self.root / key).read_bytes())
                else:
                    self.services.store.delete(key)
                self._show(self.services.sync(key))
            except Exception as error:
                failed.add(key)
                self._report(f"{key}: not synced yet ({error}); trying again")
        self._files = settled(self._files, files, failed)
        return set(keys) - failed

    def _sync_bucket(self, skip=frozenset()):
        keys = sorted({key for key in self._objects.take() if is_content_key(key)}
                      - set(skip) | self._retry)  # skip: just uploaded from the folder
        failed = set()
        for key in keys:
            if self._stop.is_set():
                failed.add(key)
                continue
            try:
                self._show(self.services.sync(key))
            except Exception as error:
                failed.add(key)
                self._report(f"{key}: not synced yet ({error}); trying again")
        self._retry = failed
        return bool(keys)

    def _push_site(self, present):
        path = self.root / SITE_FILE
        if not present:
            self._report(f"{path} was removed; keeping the current settings")
            return
        before = self.services.site_config().settings
        try:
            config = push_site_file(path, self.services.index)
        except SiteFileError as error:
            for problem in error.problems:
                self._report(problem)
            self._report(f"{path} not pushed; keeping the previous settings")
            return
        self._report(f"{path}: pushed settings for {config.settings.title!r}")
        if changes_indexed_posts(before, config.settings):
            keys = self.services.store.keys()
            for key in keys:
                if self._stop.is_set():
                    return
                self._show(self.services.sync(key, force=True))
            self._report(f"re-indexed {len(keys)} sources for the new timezone or author")

    def _show(self, result):
        if result.action not in QUIET_ACTIONS:
            self._report(f"{result.key}: {result.action} {result.detail}".rstrip())
