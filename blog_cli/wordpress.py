"""`blog import wordpress`: a WordPress export (WXR) to a content folder, and a report.

Two streaming passes over the export. The first reads it whole, so a file
that is malformed, truncated or hostile is refused before anything is
written, and learns what posts need from each other (slugs, attachments,
permalinks, menus). The second converts and writes each post and page,
their comments, and the uploads they use. Memory holds one item at a time
plus those small maps, however large the export.
"""
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from chalicelib.redirects import alias_path

from blog_cli.wordpress_files import ContentFolder
from blog_cli.wordpress_html import convert, excerpt_to_markdown
from blog_cli.wordpress_media import ImportLinks, safe_relative, site_hosts, upload_path
from blog_cli.wordpress_posts import (KINDS, SKIPPED_STATUSES, aliases_for,
                                      comments_document, document_text,
                                      plain_title, terms_of, unique_slugs, visibility,
                                      wanted_slug, wp_date)
from blog_cli.wordpress_site import build_menu, menu_item, site_yaml
from blog_cli.wordpress_wxr import SUPPORTED_VERSIONS, WxrError, WxrReader, as_int

SITE_FILE = "site.yaml"
LIST_LIMIT = 10
# Post types that hold nothing a reader saw as a post or page.
TERM_PATHS = {"category": ("category", "categories"), "post_tag": ("tag", "tags")}
QUIET_TYPES = ("revision", "nav_menu_item", "attachment", "wp_block")


@dataclass
class Attachment:
    """An attachment item: where it was, and where its file sits under uploads/."""

    url: str
    relative: str | None
    alt: str
    parent: int
    order: int


@dataclass
class Survey:
    """What the first pass learns: everything items need from each other."""

    channel: object = None
    hosts: set = field(default_factory=set)
    items: int = 0
    candidates: list = field(default_factory=list)     # ((kind, id), slug, explicit)
    titles: dict = field(default_factory=dict)         # post id -> title
    paths: dict = field(default_factory=dict)          # normal permalink path -> post id
    attachments: dict = field(default_factory=dict)    # id -> Attachment
    children: dict = field(default_factory=dict)       # parent id -> [attachment ids]
    reusable: dict = field(default_factory=dict)       # wp_block id -> content
    menu_items: list = field(default_factory=list)
    offsets: Counter = field(default_factory=Counter)  # UTC offsets seen, in minutes
    removed_controls: int = 0


@dataclass
class ImportReport:
    """Everything the import did, for the closing report."""

    out: Path = None
    posts: int = 0
    pages: int = 0
    drafts: int = 0
    scheduled: int = 0
    attachments: int = 0
    attachments_copied: int = 0
    media_copied: int = 0
    missing: list = field(default_factory=list)
    listed: list = field(default_factory=list)
    menu_name: str = ""
    menu_items: int = 0
    menu_placed: str = ""
    comments: Counter = field(default_factory=Counter)
    shortcodes: dict = field(default_factory=lambda: defaultdict(list))
    skipped: Counter = field(default_factory=Counter)
    renamed: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    files: Counter = field(default_factory=Counter)
    kept: list = field(default_factory=list)
    site_file: str = ""
    seconds: float = 0.0

    @property
    def unchanged(self):
        """True when the run changed no file in the folder."""
        return not (self.files["written"] or self.files["updated"])

    def lines(self):
        """The report as lines of text."""
        out = [f"Imported into {self.out} in {self.seconds:.1f} s:"]
        out.append(f"  posts: {self.posts}, pages: {self.pages} "
                   f"(drafts: {self.drafts}, scheduled: {self.scheduled})")
        if not self.attachments:
            out.append("  attachments: none")
        elif self.listed:
            out.append(f"  attachments: {self.attachments} listed, not copied "
                       "(give --uploads wp-content/uploads to copy them)")
            out.extend(_some(self.listed))
        else:
            out.append(f"  attachments: {self.attachments}: {self.attachments_copied} copied "
                       f"to media/ ({self.media_copied} files in all), "
                       f"{len(self.missing)} missing")
            out.extend(_some(self.missing, "missing: "))
        if self.menu_items:
            out.append(f"  menu: {self.menu_items} items of {self.menu_name!r} "
                       f"(site.yaml {self.menu_placed})")
        else:
            out.append("  menu: none")
        comments = ", ".join(f"{self.comments[name]} {name}"
                             for name in ("approved", "pending", "spam", "trash"))
        out.append(f"  comments: {comments} (in comments/)")
        if self.shortcodes:
            total = sum(len(places) for places in self.shortcodes.values())
            out.append(f"  shortcodes left in the text: {total}")
            for name, places in sorted(self.shortcodes.items()):
                where = ", ".join(dict.fromkeys(places))
                out.append(f"    [{name}] x{len(places)}: {_cut(where)}")
        else:
            out.append("  shortcodes left in the text: 0")
        skipped = ", ".join(f"{count} {name}" for name, count in sorted(self.skipped.items()))
        out.append(f"  skipped: {skipped or 'nothing'}")
        for key, wanted, given in self.renamed:
            out.append(f"  slug taken: {KINDS[key[0]]}/{given}.md (wanted {wanted!r}, "
                       f"WordPress id {key[1]})")
        out.append(f"  site.yaml: {self.site_file}")
        for warning in self.warnings:
            out.append(f"  warning: {warning}")
        for path in self.kept:
            out.append(f"  kept (changed by hand since the last import; --force overwrites): "
                       f"{path}")
        if self.unchanged and not self.kept:
            out.append(f"  files: all {self.files['unchanged']} unchanged")
        else:
            out.append("  files: " + ", ".join(f"{self.files[name]} {name}" for name in
                                               ("written", "updated", "unchanged", "kept")))
        return out


def _some(paths, prefix=""):
    shown = [f"    {prefix}{path}" for path in sorted(paths)[:LIST_LIMIT]]
    if len(paths) > LIST_LIMIT:
        shown.append(f"    ... and {len(paths) - LIST_LIMIT} more")
    return shown


def _cut(text, limit=200):
    return text if len(text) <= limit else text[:limit].rsplit(", ", 1)[0] + ", ..."


class _NoProgress:
    """Stands in for a rich Progress when none is shown."""

    def add_task(self, *args, **kwargs):
        """A task id (unused)."""
        return 0

    def update(self, *args, **kwargs):
        """Nothing to show."""


def _attachment(item):
    relative = safe_relative(item.meta.get("_wp_attached_file", "").strip())
    if relative is None:
        relative = upload_path(item.attachment_url, {urlsplit(item.attachment_url).netloc.lower()})
    alt = plain_title(item.meta.get("_wp_attachment_image_alt", "")) or plain_title(item.title)
    return Attachment(url=item.attachment_url, relative=relative, alt=alt,
                      parent=item.post_parent, order=item.menu_order)


def survey(path, progress):
    """The first pass: read the whole export (refusing bad input) and map its items."""
    size = max(Path(path).stat().st_size, 1)
    task = progress.add_task("Reading export", total=size)
    reader = WxrReader(path, on_read=lambda count: progress.update(task, advance=count))
    found = Survey(channel=reader.channel)
    for item in reader.items():
        found.items += 1
        if item.post_type in KINDS and item.status not in SKIPPED_STATUSES:
            slug, explicit = wanted_slug(item.post_name, item.title)
            found.candidates.append(((item.post_type, item.post_id), slug, explicit))
            found.titles[item.post_id] = plain_title(item.title)
            permalink = urlsplit(item.link).path if item.link else ""
            if permalink.strip("/"):
                found.paths.setdefault(alias_path(permalink), item.post_id)
            _stamp, offset = wp_date(item.post_date, item.post_date_gmt)
            if offset is not None:
                found.offsets[offset] += 1
        elif item.post_type == "attachment":
            found.attachments[item.post_id] = _attachment(item)
        elif item.post_type == "wp_block":
            found.reusable[item.post_id] = item.content
        elif item.post_type == "nav_menu_item" and item.status not in SKIPPED_STATUSES:
            found.menu_items.append(menu_item(item))
    found.removed_controls = reader.removed_controls
    channel = reader.channel
    found.hosts = site_hosts(channel.link, channel.base_site_url, channel.base_blog_url)
    for attachment_id, attachment in sorted(found.attachments.items(),
                                            key=lambda pair: (pair[1].order, pair[0])):
        found.children.setdefault(attachment.parent, []).append(attachment_id)
    return found


def guess_timezone(offsets, warnings):
    """An IANA name for the old site's timezone, from the offsets its dates carry."""
    if not offsets or set(offsets) == {0}:
        return "UTC"
    if len(offsets) == 1:
        (minutes,) = offsets
        if minutes % 60 == 0:
            # Etc/GMT names count the other way: UTC+2 is Etc/GMT-2.
            return f"Etc/GMT{-minutes // 60:+d}"
    shown = ", ".join(f"{minutes / 60:+g} h" for minutes in sorted(offsets))
    warnings.append(f"the export's dates use several UTC offsets ({shown}), so the old "
                    "site's timezone cannot be told: set site.timezone in site.yaml "
                    "(items without a GMT date are read in it)")
    return "UTC"


def moved_terms(terms):
    """Warnings for categories and tags whose address the blog spells differently."""
    from chalicelib.text import slug_for

    moved = []
    for taxonomy, slug, name in sorted(terms.values()):
        old = unquote(slug)
        new = slug_for(plain_title(name))
        if taxonomy in TERM_PATHS and old and new != old:
            before, after = TERM_PATHS[taxonomy]
            moved.append(f"{before} {plain_title(name)!r} moves from /{before}/{old}/ to "
                         f"/{after}/{new} (links to the old address will not find it)")
    return moved


def _write_item(item, kind, slug, links, folder, report):
    view = visibility(item)
    where = f"{KINDS[kind]}/{slug}.md"
    if view.note:
        report.warnings.append(f"{where} {view.note}")
    meta = {}
    title = plain_title(item.title)
    if title:
        meta["title"] = title
    date, _offset = wp_date(item.post_date, item.post_date_gmt)
    if date:
        meta["date"] = date
    elif not view.draft:
        report.warnings.append(f"{where} has no date; the blog will use the file's time")
    updated, _offset = wp_date(item.post_modified, item.post_modified_gmt)
    if updated and updated != date:
        meta["updated"] = updated
    author = links.survey.channel.authors.get(item.creator, item.creator)
    if author:
        meta["author"] = author
    categories, tags = terms_of(item)
    if categories:
        meta["categories"] = categories
    if tags:
        meta["tags"] = tags
    summary = excerpt_to_markdown(item.excerpt)
    if summary:
        meta["summary"] = summary
    aliases = aliases_for(item, kind, links.survey.hosts)
    if aliases:
        meta["aliases"] = aliases
    cover = links.survey.attachments.get(as_int(item.meta.get("_thumbnail_id")))
    if cover and cover.relative and links.uploads is not None:
        image = links.media(cover.relative)
        if image:
            meta["image"] = image
            if cover.alt:
                meta["image_alt"] = cover.alt
    if view.draft:
        meta["draft"] = True
    converted = convert(item.content, links, item.post_id)
    for name in converted.shortcodes:
        report.shortcodes[name].append(where)
    folder.write(where, document_text(meta, converted.markdown).encode("utf-8"))
    report.drafts += view.draft
    report.scheduled += view.scheduled
    if kind == "post":
        report.posts += 1
    else:
        report.pages += 1


def _write_comments(item, kind, slug, post_slugs, folder, report):
    if not item.comments:
        return
    name = slug if kind == "post" or slug not in post_slugs else f"{slug}.page"
    text, counts = comments_document(item, kind, slug)
    folder.write(f"comments/{name}.json", text.encode("utf-8"))
    report.comments.update(counts)


def _skip_reason(item):
    if item.post_type == "revision":
        return "revisions"
    if item.status in SKIPPED_STATUSES:
        return {"auto-draft": "auto-drafts", "trash": "trashed"}[item.status]
    if item.post_type in KINDS or item.post_type in QUIET_TYPES:
        return None
    return f"items of type {item.post_type or '(none)'}"


def convert_items(path, found, slugs, links, folder, report, progress):
    """The second pass: write every post and page, its comments and its uploads."""
    task = progress.add_task("Importing items", total=found.items)
    post_slugs = {slug for (kind, _id), slug in slugs.items() if kind == "post"}
    for item in WxrReader(path).items():
        progress.update(task, advance=1)
        reason = _skip_reason(item)
        if reason:
            report.skipped[reason] += 1
            continue
        if item.post_type in KINDS:
            slug = slugs[(item.post_type, item.post_id)]
            _write_item(item, item.post_type, slug, links, folder, report)
            _write_comments(item, item.post_type, slug, post_slugs, folder, report)
        elif item.post_type == "attachment":
            report.attachments += 1
            attachment = found.attachments.get(item.post_id)
            relative = attachment.relative if attachment else None
            if links.uploads is None:
                report.listed.append(item.attachment_url or f"attachment {item.post_id}")
            elif relative and links.media(relative):
                report.attachments_copied += 1
            elif not relative:
                links.missing.add(item.attachment_url or f"attachment {item.post_id}")


def import_wordpress(export, out, uploads=None, force=False, progress=None):
    """Import ``export`` into the folder ``out``; the ImportReport. Raises WxrError."""
    started = time.monotonic()
    progress = progress or _NoProgress()
    out = Path(out)
    report = ImportReport(out=out)
    found = survey(export, progress)
    channel = found.channel
    if channel.wxr_version and channel.wxr_version not in SUPPORTED_VERSIONS:
        report.warnings.append(f"WXR version {channel.wxr_version} is newer than 1.2; "
                               "read as 1.2")
    if found.removed_controls:
        report.warnings.append(f"{found.removed_controls} control characters that XML "
                               "forbids were removed from the export")
    report.warnings.extend(moved_terms(channel.terms))
    given, renamed = unique_slugs(found.candidates)
    report.renamed = renamed
    slugs = {post_id: (kind, slug) for (kind, post_id), slug in given.items()}
    folder = ContentFolder(out, force=force)
    links = ImportLinks(found, slugs, folder, uploads)
    convert_items(export, found, given, links, folder, report, progress)
    report.missing = sorted(links.missing)
    report.media_copied = len(links.copied)
    timezone = guess_timezone(found.offsets, report.warnings)
    menu_name, menu = build_menu(found.menu_items, found.titles, slugs, channel.terms,
                                 links, report.warnings)
    report.menu_name, report.menu_items = menu_name, len(menu)
    text, placed = site_yaml(channel, timezone, menu_name, menu)
    report.menu_placed = f"as its {placed}" if placed else ""
    data = text.encode("utf-8")
    if not folder.exists(SITE_FILE) or (out / SITE_FILE).read_bytes() == data:
        outcome = folder.write(SITE_FILE, data)
        report.site_file = f"{outcome} (timezone {timezone})"
    else:
        report.site_file = "already there, kept (the suggested one was not written)"
        report.menu_placed = "not written: site.yaml was already there"
    folder.finish()
    report.files, report.kept = folder.outcomes, folder.kept
    report.seconds = time.monotonic() - started
    return report


__all__ = ["ImportReport", "WxrError", "import_wordpress"]
