"""`blog check`: every problem in local content files, as 'file:line: problem'.

The rules are the engine's own (``chalicelib.content`` and ``chalicelib.site``),
so what `check` accepts is exactly what the S3 handler will publish.
"""
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from chalicelib.content import (ALIASES, check_source_size, classify_key, decode_source,
                                key_line, parse_date, parse_document, split_front_matter,
                                unknown_keys_like_known)
from chalicelib.errors import ContentError
from chalicelib.site import SiteSettings

from blog_cli.sitefile import SiteFileError, located, read_site_file

SITE_FILE = "site.yaml"
CONTENT_FOLDERS = ("posts", "pages")
DATE_KEYS = ("date",) + ALIASES["updated"]


@dataclass(frozen=True)
class Source:
    """A local file to check and the S3 key it would be published as."""

    path: Path
    key: str | None   # None for site.yaml


@dataclass
class Report:
    """What `check` found: problems in file order, and how many files it read."""

    problems: list = field(default_factory=list)
    checked: int = 0
    # Worth a look, but no reason to refuse the file (the image may be in the bucket).
    warnings: list = field(default_factory=list)

    @property
    def ok(self):
        """True when no file has a problem."""
        return not self.problems


def key_for(chain, name):
    """The S3 key a file would have, from the folder names above it.

    ``chain`` is the folders from the checked root down to the file. The
    nearest ``posts``/``pages`` folder decides the prefix; a Markdown file
    outside both is checked as a post.
    """
    for position in range(len(chain) - 1, -1, -1):
        if chain[position] in CONTENT_FOLDERS:
            return "/".join([*chain[position:], name])
    return f"posts/{name}"


def collect_sources(paths):
    """Every file to check under ``paths`` (files or folders), each once, in order."""
    found, seen = [], set()

    def add(path, key):
        resolved = path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            found.append(Source(path=path, key=key))

    for given in map(Path, paths):
        if given.is_dir():
            for path in sorted(given.rglob("*")):
                relative = path.relative_to(given).parts
                if not path.is_file() or any(part.startswith(".") for part in relative):
                    continue
                if relative[-1] == SITE_FILE:
                    add(path, None)
                    continue
                chain = [given.resolve().name, *relative[:-1]]
                inside_content = any(part in CONTENT_FOLDERS for part in chain)
                if inside_content or path.suffix == ".md":
                    add(path, key_for(chain, path.name))
        elif given.name == SITE_FILE:
            add(given, None)
        else:
            add(given, key_for([given.resolve().parent.name], given.name))
    return found


def check_paths(paths):
    """Check files and folders; return a Report with every problem found."""
    sources = collect_sources(paths)
    report = Report(checked=len(sources))
    settings = SiteSettings()
    for source in sources:
        if source.key is None:
            try:
                settings = read_site_file(source.path).settings
            except SiteFileError as error:
                report.problems.extend(error.problems)
    first_seen = {}
    for source in sources:
        if source.key is not None:
            report.problems.extend(check_source(source, settings, first_seen))
            report.warnings.extend(media_warnings(source, settings))
    return report


def media_warnings(source, settings):
    """Images without alt text, and /media/ files missing from the folder's media/."""
    from chalicelib.images import image_tags_of, media_path
    from chalicelib.media import key_for_path

    try:
        document = parse_document(source.path.read_bytes(), source.key,
                                  datetime.now(timezone.utc), settings)
    except (ContentError, OSError):
        return []  # reported as a problem already
    text = source.path.read_text(encoding="utf-8", errors="replace")
    root = source.path.parent.parent  # DIR, above posts/ or pages/
    found, seen = [], set()
    paths = [document.cover] if document.cover else []
    for attributes in image_tags_of(document.body_html):
        src = attributes.get("src") or ""
        if not (attributes.get("alt") or "").strip():
            found.append(located(source.path, f"image without alt text: {src}",
                                 _line_of(text, f"![]({src}") or _line_of(text, src)))
        paths.append(src)
    for src in paths:
        path = media_path(src)
        if path is None or path in seen:
            continue
        seen.add(path)
        key = key_for_path(path)
        if key and not (root / key).is_file():
            found.append(located(source.path, f"{path} is not in {root / 'media'}; "
                                              "it must already be in the bucket",
                                 _line_of(text, src)))
    return found


def local_media(source, settings):
    """(key, local file) of each /media/ file the source shows that lies beside it.

    Looked for in ``media/`` next to the file and next to its folder
    (``DIR/media/`` for ``DIR/posts/x.md``).
    """
    from chalicelib.images import image_tags_of, media_path
    from chalicelib.media import key_for_path

    try:
        document = parse_document(source.path.read_bytes(), source.key,
                                  datetime.now(timezone.utc), settings)
    except (ContentError, OSError):
        return []
    sources = [document.cover] + [tag.get("src") or "" for tag in
                                  image_tags_of(document.body_html)]
    found = {}
    for src in sources:
        path = media_path(src) if src else None
        key = key_for_path(path) if path else None
        if key is None or key in found:
            continue
        for root in (source.path.parent, source.path.parent.parent):
            if (root / key).is_file():
                found[key] = root / key
                break
    return sorted(found.items())


def _line_of(text, needle):
    from urllib.parse import unquote

    for candidate in (needle, unquote(needle)):
        at = text.find(candidate) if candidate else -1
        if at >= 0:
            return text.count("\n", 0, at) + 1
    return None


def check_source(source, settings, first_seen):
    """Problems of one content file (``first_seen`` tracks slugs across files)."""
    path = source.path
    try:
        source_key = classify_key(source.key)
    except ContentError as error:
        return [located(path, error.reason)]
    found = []  # (line, message)
    identity = (source_key.kind, source_key.slug)
    if identity in first_seen:
        found.append((1, f"duplicate slug {source_key.slug!r}: "
                         f"{first_seen[identity]} is also {source.key}"))
    else:
        first_seen[identity] = path
    problems, claimed = _content_problems(path, source.key, settings)
    found.extend(problems)
    for alias, line in claimed:
        # Two files claiming one old address: the one indexed last would win.
        other = first_seen.setdefault(("alias", alias), path)
        if other != path:
            found.append((line, f"alias {alias!r} is also claimed by {other}"))
    return [located(path, message, line) for line, message in
            sorted(found, key=lambda problem: problem[0] or 1)]


def _content_problems(path, key, settings):
    """(problems, [(alias, line)...]) of one file: its aliases once it parses."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return [(1, f"cannot read: {error.strerror}")], []
    try:
        check_source_size(data)
        text = decode_source(data).replace("\r\n", "\n").replace("\r", "\n")
        meta, _, _ = split_front_matter(text)
    except ContentError as error:
        return [(error.line, error.reason)], []

    found = [(key_line(text, name), f"unknown key {name!r} is ignored (did you mean {known!r}?)")
             for name, known in unknown_keys_like_known(meta)]
    date_lines = set()
    for name in DATE_KEYS:
        if meta.get(name) is None:
            continue
        try:
            parse_date(meta[name], settings.tzinfo)
        except (ValueError, OverflowError) as error:
            line = key_line(text, name)
            date_lines.add(line)
            found.append((line, f"{name!r} is not a date ({meta[name]!r}): {error}"))
    modified = datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)
    try:
        document = parse_document(data, key, modified, settings)
    except ContentError as error:
        # parse_document stops at the first bad date, which is reported above.
        if error.line is None or error.line not in date_lines:
            found.append((error.line, error.reason))
        return found, []
    if document.draft:   # never indexed, so it takes no address from anyone
        return found, []
    line = key_line(text, "aliases")
    return found, [(alias, line) for alias in document.aliases]
