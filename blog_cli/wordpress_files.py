"""The import's content folder: whole-file writes, and no hand edit ever overwritten.

Every file is written to a temporary name and moved into place, so a reader
(``blog serve`` watches the folder) never sees half a file. A manifest,
``.wordpress-import.json``, records the hash of each file the import wrote;
a file whose content no longer matches it was edited by someone since, and
is kept unless ``force`` is given. Writing the same bytes again changes
nothing, so a second import over the same folder reports "unchanged".
"""
import hashlib
import json
import os
import shutil
from collections import Counter
from pathlib import Path

MANIFEST = ".wordpress-import.json"
STAGING = ".wordpress-import.tmp"
OUTCOMES = ("written", "updated", "unchanged", "kept")


def _digest(data):
    return hashlib.sha256(data).hexdigest()


def _file_digest(path):
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


class ContentFolder:
    """Writes files under ``root``, counting what each write did."""

    def __init__(self, root, force=False):
        self.root = Path(root)
        self.force = force
        self.previous = self._load_manifest()
        self.hashes = {}
        self.outcomes = Counter()
        self.kept = []
        self._folders = set()

    def _load_manifest(self):
        try:
            found = json.loads((self.root / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        files = found.get("files") if isinstance(found, dict) else None
        return {name: value for name, value in (files or {}).items()
                if isinstance(name, str) and isinstance(value, str)}

    def exists(self, relative):
        """True if ``relative`` is already in the folder."""
        return (self.root / relative).exists()

    def _decide(self, relative, new_digest):
        """'written', 'updated', 'unchanged' or 'kept' for a file about to be written."""
        path = self.root / relative
        if not path.exists():
            return "written"
        current = _file_digest(path)
        if current == new_digest:
            return "unchanged"
        if self.force or self.previous.get(relative) == current:
            return "updated"
        return "kept"

    def _record(self, relative, outcome, new_digest):
        self.outcomes[outcome] += 1
        if outcome == "kept":
            self.kept.append(relative)
            if relative in self.previous:   # still ours to compare against next time
                self.hashes[relative] = self.previous[relative]
        else:
            self.hashes[relative] = new_digest
        return outcome

    def _folder(self, path):
        if path not in self._folders:
            path.mkdir(parents=True, exist_ok=True)
            self._folders.add(path)
        return path

    def _staging_path(self, relative):
        staging = self._folder(self.root / STAGING)
        return staging / hashlib.sha1(relative.encode("utf-8")).hexdigest()

    def _move_into_place(self, temporary, relative):
        target = self.root / relative
        self._folder(target.parent)
        os.replace(temporary, target)

    def write(self, relative, data):
        """Write bytes to ``relative`` unless that would lose a hand edit; the outcome."""
        digest = _digest(data)
        outcome = self._decide(relative, digest)
        if outcome in ("written", "updated"):
            temporary = self._staging_path(relative)
            temporary.write_bytes(data)
            self._move_into_place(temporary, relative)
        return self._record(relative, outcome, digest)

    def copy(self, relative, source):
        """Copy the file ``source`` to ``relative`` under the same rules as ``write``."""
        digest = _file_digest(source)
        outcome = self._decide(relative, digest)
        if outcome in ("written", "updated"):
            temporary = self._staging_path(relative)
            shutil.copyfile(source, temporary)
            self._move_into_place(temporary, relative)
        return self._record(relative, outcome, digest)

    def finish(self):
        """Save the manifest (only if it changed) and remove the staging folder."""
        staging = self.root / STAGING
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        self._folders.discard(staging)
        merged = dict(self.previous)
        merged.update(self.hashes)
        if merged == self.previous and (self.root / MANIFEST).exists():
            return
        text = json.dumps({"generator": "blog import wordpress", "files": merged},
                          indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        temporary = self._staging_path(MANIFEST)
        temporary.write_text(text, encoding="utf-8")
        self._move_into_place(temporary, MANIFEST)
        shutil.rmtree(staging, ignore_errors=True)
