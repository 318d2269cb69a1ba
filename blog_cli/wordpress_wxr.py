"""Reading a WordPress export (WXR 1.0 to 1.2) safely and in constant memory.

The file is streamed with lxml's ``iterparse``: entities are never resolved,
the network is never used, huge text nodes are refused, and a document type
that declares entities (XXE, billion laughs) or names an external DTD is
refused before any item is read. Each ``<item>`` is turned into a ``WxrItem``
and its element cleared, so memory does not grow with the export.
"""
import re
from dataclasses import dataclass, field

from lxml import etree

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
# Both spellings WordPress has used, http:// and https://, versions 1.0 to 1.2.
WP_NS = re.compile(r"^https?://wordpress\.org/export/(1\.[0-9]+)/$")
EXCERPT_NS = re.compile(r"^https?://wordpress\.org/export/1\.[0-9]+/excerpt/$")
SUPPORTED_VERSIONS = ("1.0", "1.1", "1.2")
# Bytes XML 1.0 forbids that old WordPress versions let into exports. In an
# ASCII-compatible encoding they never occur inside a multi-byte character.
FORBIDDEN_CONTROLS = bytes(c for c in range(32) if c not in (9, 10, 13))
READ_SIZE = 1 << 16


class WxrError(Exception):
    """The file is not a WordPress export this importer can read safely."""

    def __init__(self, message, line=None):
        super().__init__(message)
        self.line = line


@dataclass
class Channel:
    """What the export says about the site itself."""

    title: str = ""
    link: str = ""
    description: str = ""
    language: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""
    authors: dict = field(default_factory=dict)   # login -> display name
    terms: dict = field(default_factory=dict)     # term_id -> (taxonomy, slug, name)


@dataclass
class WxrItem:
    """One ``<item>``: a post, page, attachment, menu item, revision..."""

    post_id: int = 0
    post_type: str = ""
    status: str = ""
    title: str = ""
    link: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_name: str = ""
    post_parent: int = 0
    menu_order: int = 0
    post_date: str = ""
    post_date_gmt: str = ""
    post_modified: str = ""
    post_modified_gmt: str = ""
    password: str = ""
    attachment_url: str = ""
    terms: list = field(default_factory=list)     # (domain, nicename, name)
    meta: dict = field(default_factory=dict)      # postmeta key -> value
    comments: list = field(default_factory=list)  # dicts of comment fields
    line: int = 0


def _family(namespace):
    """Name the namespace of an element the way WXR documents write it."""
    if not namespace:
        return ""
    if namespace == CONTENT_NS:
        return "content"
    if namespace == DC_NS:
        return "dc"
    if EXCERPT_NS.match(namespace):
        return "excerpt"
    if WP_NS.match(namespace):
        return "wp"
    return namespace


def _name(element):
    """'wp:post_id', 'title', 'content:encoded'... whatever the namespace's spelling."""
    if not isinstance(element.tag, str):
        return ""
    qname = etree.QName(element)
    family = _family(qname.namespace)
    return f"{family}:{qname.localname}" if family else qname.localname


def _text(element):
    return (element.text or "").strip() if element is not None else ""


def _raw_text(element):
    return element.text or ""


def as_int(value):
    """``value`` as a whole number, 0 if it is not one."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


class _CleanReader:
    """A binary file wrapper that drops control bytes XML forbids, counting them."""

    def __init__(self, handle, on_read=None):
        self.handle = handle
        self.removed = 0
        self.filter = None   # decided from the first bytes
        self.on_read = on_read

    def read(self, size=READ_SIZE):
        """Up to ``size`` bytes of the file with forbidden control bytes removed."""
        data = self.handle.read(size)
        if self.on_read is not None:
            self.on_read(len(data))
        if self.filter is None:
            # UTF-16/32 (a BOM or NUL bytes up front) is passed through untouched.
            self.filter = not (data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4])
        if self.filter and data:
            cleaned = data.translate(None, FORBIDDEN_CONTROLS)
            self.removed += len(data) - len(cleaned)
            return cleaned
        return data


class WxrReader:
    """Streams one export: ``items()`` yields WxrItems; ``channel`` fills as it reads."""

    def __init__(self, path, on_read=None):
        self.path = path
        self.channel = Channel()
        self.namespaces = set()
        self.removed_controls = 0
        self._on_read = on_read

    def items(self):
        """Every ``<item>`` of the channel, in file order; raise WxrError on bad input."""
        with open(self.path, "rb") as handle:
            reader = _CleanReader(handle, self._on_read)
            try:
                yield from self._walk(reader)
            except etree.XMLSyntaxError as error:
                message = " ".join((error.msg or str(error)).split())
                raise WxrError(f"not a well-formed XML file ({message})",
                               line=error.lineno) from None
            finally:
                self.removed_controls = reader.removed

    def _walk(self, source):
        events = etree.iterparse(source, events=("start", "end"), resolve_entities=False,
                                 no_network=True, huge_tree=False, load_dtd=False,
                                 remove_comments=True, remove_pis=True)
        depth, checked, in_channel, saw_wp = 0, False, False, False
        for event, element in events:
            if event == "start":
                depth += 1
                if not checked:
                    checked = True
                    _refuse_entities(element)
                    if _name(element) != "rss":
                        raise WxrError("not a WordPress export: the root element is "
                                       f"<{etree.QName(element).localname}>, not <rss>",
                                       line=element.sourceline)
                if depth == 2 and _name(element) == "channel":
                    in_channel = True
                namespace = etree.QName(element).namespace
                if namespace and WP_NS.match(namespace):
                    saw_wp = True
                    self.namespaces.add(namespace)
                continue
            depth -= 1
            if depth == 2 and in_channel:
                name = _name(element)
                if name == "item":
                    yield self._item(element)
                else:
                    self._channel_field(name, element)
                element.clear()
                parent = element.getparent()
                # Drop what the channel has already given us: memory stays flat.
                while element.getprevious() is not None:
                    del parent[0]
        if not saw_wp:
            raise WxrError("not a WordPress export: no wp: elements "
                           "(http://wordpress.org/export/1.x/) were found")

    def _channel_field(self, name, element):
        channel = self.channel
        simple = {"title": "title", "link": "link", "description": "description",
                  "language": "language", "wp:base_site_url": "base_site_url",
                  "wp:base_blog_url": "base_blog_url", "wp:wxr_version": "wxr_version"}
        if name in simple:
            setattr(channel, simple[name], _text(element))
        elif name == "wp:author":
            fields = {_name(child): _text(child) for child in element}
            login = fields.get("wp:author_login", "")
            if login:
                channel.authors[login] = fields.get("wp:author_display_name") or login
        elif name in ("wp:category", "wp:tag", "wp:term"):
            fields = {_name(child): _text(child) for child in element}
            taxonomy = {"wp:category": "category", "wp:tag": "post_tag"}.get(
                name, fields.get("wp:term_taxonomy", ""))
            slug = (fields.get("wp:category_nicename") or fields.get("wp:tag_slug")
                    or fields.get("wp:term_slug") or "")
            label = (fields.get("wp:cat_name") or fields.get("wp:tag_name")
                     or fields.get("wp:term_name") or slug)
            term_id = as_int(fields.get("wp:term_id"))
            if term_id:
                channel.terms[term_id] = (taxonomy, slug, label)

    def _item(self, element):
        item = WxrItem(line=element.sourceline or 0)
        for child in element:
            name = _name(child)
            if name in TEXT_FIELDS:
                setattr(item, TEXT_FIELDS[name], _text(child))
            elif name in RAW_FIELDS:
                setattr(item, RAW_FIELDS[name], _raw_text(child))
            elif name in INT_FIELDS:
                setattr(item, INT_FIELDS[name], as_int(_text(child)))
            elif name == "category":
                item.terms.append((child.get("domain") or "category",
                                   child.get("nicename") or "", _text(child)))
            elif name == "wp:postmeta":
                fields = {_name(part): _raw_text(part) for part in child}
                key = fields.get("wp:meta_key", "").strip()
                if key:
                    item.meta[key] = fields.get("wp:meta_value", "")
            elif name == "wp:comment":
                item.comments.append(_comment(child))
        return item


TEXT_FIELDS = {
    "title": "title", "link": "link", "dc:creator": "creator",
    "wp:post_type": "post_type", "wp:status": "status", "wp:post_name": "post_name",
    "wp:post_date": "post_date", "wp:post_date_gmt": "post_date_gmt",
    "wp:post_modified": "post_modified", "wp:post_modified_gmt": "post_modified_gmt",
    "wp:post_password": "password", "wp:attachment_url": "attachment_url",
}
RAW_FIELDS = {"content:encoded": "content", "excerpt:encoded": "excerpt"}
INT_FIELDS = {"wp:post_id": "post_id", "wp:post_parent": "post_parent",
              "wp:menu_order": "menu_order"}


def _comment(element):
    """A ``<wp:comment>`` as a plain dict (keys without the ``comment_`` prefix)."""
    found = {"meta": {}}
    for part in element:
        name = _name(part)
        if name == "wp:commentmeta":
            fields = {_name(piece): _raw_text(piece) for piece in part}
            key = fields.get("wp:meta_key", "").strip()
            if key:
                found["meta"][key] = fields.get("wp:meta_value", "")
        elif name.startswith("wp:comment_"):
            value = _raw_text(part) if name == "wp:comment_content" else _text(part)
            found[name[len("wp:comment_"):]] = value
    if not found["meta"]:
        del found["meta"]
    return found


def _refuse_entities(root):
    """Refuse a document type that declares entities or loads an external DTD."""
    info = root.getroottree().docinfo
    if info.system_url or info.public_id:
        raise WxrError("the file names an external DTD "
                       f"({info.system_url or info.public_id}); a WordPress export never "
                       "does, and it is not read", line=1)
    dtd = info.internalDTD
    if dtd is not None:
        declared = [entity.name for entity in dtd.iterentities()]
        if declared:
            raise WxrError("the file declares XML entities "
                           f"({', '.join(declared[:5])}): a WordPress export never does, "
                           "and such files can read local files or exhaust memory "
                           "(XXE, billion laughs); it is not read", line=1)
