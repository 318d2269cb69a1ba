"""WordPress post HTML to this blog's Markdown.

Classic posts get WordPress's own paragraph rules first (``wpautop``);
Gutenberg posts (block comments) already carry their markup and lose only the
comments. Shortcodes that have a plain equivalent (caption, gallery, embed,
audio, video, code) are turned into it; any other shortcode stays in the
text, visible, and is named in the result so the import can report it.
Links to the old site's uploads and posts go through ``Links.rewrite``.
"""
import html
import re
from dataclasses import dataclass, field

from markdownify import MarkdownConverter

from blog_cli.wordpress_autop import wpautop

MORE_TOKEN = "WPIMPORTMORETOKEN"
MORE_MARKER = "<!-- more -->"
BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:[a-z][a-z0-9_/-]*(?:\s+\{.*?\})?\s*/?-->", re.S)
REUSABLE_BLOCK = re.compile(r"<!--\s*wp:block\s+\{[^}]*\"ref\"\s*:\s*(\d+)[^}]*\}\s*/-->")
MORE_COMMENT = re.compile(r"<!--\s*more\b.*?-->", re.S)
NEXTPAGE_COMMENT = re.compile(r"<!--\s*nextpage\s*-->")
EMBED_WRAPPER = re.compile(
    r"<div class=\"wp-block-embed__wrapper\">\s*(https?://[^\s<>\"]+)\s*</div>")
BARE_URL_PARAGRAPH = re.compile(r"<p>\s*(https?://[^\s<>\"]+)\s*</p>")
MEDIA_TAG = re.compile(r"<(iframe|embed)\b[^>]*?\bsrc=([\"'])(.*?)\2[^>]*>(?:\s*</\1>)?", re.S | re.I)
URL_ATTRIBUTE = re.compile(r"\b(href|src)=([\"'])(.*?)\2", re.S | re.I)
RESPONSIVE_ATTRIBUTE = re.compile(r"\s(?:srcset|sizes)=([\"']).*?\1", re.S | re.I)
CODE_SEGMENT = re.compile(r"<(pre|code)\b.*?</\1>", re.S | re.I)
SHORTCODE_TAG = re.compile(r"\[(/?)([A-Za-z][\w-]*)((?:\s[^\[\]]*?)?)\s*(/?)\]")
ATTRIBUTE = re.compile(
    r"([\w-]+)\s*=\s*\"([^\"]*)\"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)"
    r"|([\w-]+)\s*=\s*([^\s'\"]+)(?:\s|$)|\"([^\"]*)\"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)")
CODE_SHORTCODES = ("code", "sourcecode", "source", "python", "php", "js", "javascript",
                   "bash", "shell", "sql", "css", "html", "xml", "java", "ruby", "cpp",
                   "csharp", "go", "rust", "text", "plain")
MEDIA_SHORTCODES = ("caption", "wp_caption", "gallery", "embed", "audio", "video",
                    "youtube", "vimeo")
LANGUAGE_CLASS = re.compile(r"(?:^|\s)(?:language|lang)-([\w+#.-]+)")
BRUSH_CLASS = re.compile(r"brush:\s*([\w+#.-]+)")
ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
MAY_BE_HAZARD = re.compile(r"[-#>+]|\d[.)]")
LINE_START_HAZARDS = (re.compile(r"(\s|^)(-+(?:\s|$))"), re.compile(r"(\s|^)(#{1,6}(?:\s|$))"),
                      re.compile(r"((?:\s|^)[0-9]{1,9})([.)](?:\s|$))"),
                      re.compile(r"(^)(>)"), re.compile(r"(\s|^)(\+\s)"))


def shortcode_pattern(names):
    """WordPress's get_shortcode_regex() for ``names`` (escaped [[x]] included)."""
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(
        r"\[(\[?)(" + alternatives + r")(?![\w-])([^\]/]*(?:/(?!\])[^\]/]*)*?)"
        r"(?:(/)\]|\](?:((?:(?!\[/\2\]).)*?)\[/\2\])?)(\]?)", re.S)


CODE_PATTERN = shortcode_pattern(CODE_SHORTCODES)
MEDIA_PATTERN = shortcode_pattern(MEDIA_SHORTCODES)
UNAUTOP = re.compile(r"<p>\s*(\[(" + "|".join(MEDIA_SHORTCODES) + r")(?![\w-])[^\]]*\]"
                     r"(?:.*?\[/\2\])?)\s*</p>", re.S)


def parse_attributes(text):
    """WordPress's shortcode_parse_atts(): named values, and positional ones as 0, 1..."""
    found, position = {}, 0
    text = re.sub(r"[\u00a0\u200b]", " ", text or "")
    for match in ATTRIBUTE.finditer(text):
        groups = match.groups()
        for name_index in (0, 2, 4):
            if groups[name_index]:
                found[groups[name_index].lower()] = groups[name_index + 1]
                break
        else:
            value = next(value for value in groups[6:] if value is not None)
            found[position] = value
            position += 1
    return found


class Links:
    """What conversion needs from the rest of the import; the default keeps everything."""

    def rewrite(self, url):
        """The URL to put in place of ``url`` (a link or image source)."""
        return url

    def attachment(self, attachment_id):
        """(url, alt text) of an attachment, or None."""
        return None

    def attached_to(self, post_id):
        """Attachment ids whose parent is ``post_id``, in menu order."""
        return []

    def reusable_block(self, block_id):
        """The content of a reusable block (post type wp_block), or None."""
        return None


@dataclass
class Converted:
    """Markdown text, and the shortcodes left in it (names, in order of appearance)."""

    markdown: str
    shortcodes: list = field(default_factory=list)


def is_block_content(content):
    """True for Gutenberg content (WordPress then skips wpautop, as this does)."""
    return "<!-- wp:" in content


def _link_paragraph(url, label=None):
    url = html.unescape(url)
    return (f'<p><a href="{html.escape(url, quote=True)}">'
            f"{html.escape(label or url)}</a></p>")


def _code_block(match):
    if match.group(1) and match.group(6):
        return match.group(0)[1:-1]   # [[code]] is WordPress's way to write it literally
    name, attributes, body = match.group(2), parse_attributes(match.group(3)), match.group(5)
    if body is None:
        return match.group(0)
    language = (attributes.get("lang") or attributes.get("language")
                or ("" if name in ("code", "sourcecode", "source") else name))
    code = html.escape(html.unescape(body.strip("\n")), quote=False)
    css = f' class="language-{html.escape(language)}"' if language else ""
    return f"\n\n<pre><code{css}>{code}</code></pre>\n\n"


class _ShortcodeExpander:
    """Turns the media shortcodes of one post into HTML."""

    def __init__(self, links, post_id):
        self.links = links
        self.post_id = post_id

    def __call__(self, match):
        if match.group(1) and match.group(6):
            return match.group(0)[1:-1]
        name = match.group(2)
        attributes = parse_attributes(match.group(3).lstrip("="))
        if match.group(3).startswith("="):   # Jetpack's [youtube=URL]
            attributes = {0: match.group(3)[1:].strip(), **attributes}
        body = match.group(5) or ""
        handler = getattr(self, "_" + name, None)
        result = handler(attributes, body) if handler else None
        return match.group(0) if result is None else result

    def _caption(self, attributes, body):
        image = re.match(r"\s*((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*</a>)?)(.*)", body, re.S | re.I)
        if not image:
            return None
        caption = attributes.get("caption") or image.group(2)
        caption = re.sub(r"<br\s*/?>", " ", caption).strip()
        text = f"<p><em>{caption}</em></p>" if caption else ""
        return f"<p>{image.group(1)}</p>{text}"

    _wp_caption = _caption

    def _gallery(self, attributes, body):
        raw_ids = attributes.get("ids") or attributes.get("include") or ""
        ids = [int(part) for part in re.findall(r"\d+", raw_ids)]
        if not ids:
            ids = self.links.attached_to(int(attributes.get("id") or self.post_id or 0))
        images = []
        for attachment_id in ids:
            found = self.links.attachment(attachment_id)
            if found:
                url, alt = found
                images.append(f'<p><img src="{html.escape(url)}" alt="{html.escape(alt)}" /></p>')
        return "".join(images) if images else None

    def _embed(self, attributes, body):
        url = body.strip() or attributes.get("src") or ""
        return _link_paragraph(url) if url.startswith(("http://", "https://")) else None

    def _media(self, attributes, extensions):
        for name in ("src",) + extensions:
            if attributes.get(name):
                return _link_paragraph(attributes[name])
        return None

    def _audio(self, attributes, body):
        return self._media(attributes, ("mp3", "m4a", "ogg", "wav", "wma"))

    def _video(self, attributes, body):
        return self._media(attributes, ("mp4", "m4v", "webm", "ogv", "wmv", "flv"))

    def _youtube(self, attributes, body):
        url = str(attributes.get(0) or attributes.get("url") or body).strip()
        return _link_paragraph(url) if url.startswith(("http://", "https://")) else None

    def _vimeo(self, attributes, body):
        url = str(attributes.get(0) or attributes.get("id") or body).strip()
        if url.isdigit():
            url = f"https://vimeo.com/{url}"
        return _link_paragraph(url) if url.startswith(("http://", "https://")) else None


def shortcodes_left(markup):
    """Names of the shortcodes still in ``markup`` (outside code), in order."""
    text = CODE_SEGMENT.sub(" ", markup)
    closing = {match.group(2).lower() for match in SHORTCODE_TAG.finditer(text)
               if match.group(1)}
    names = []
    for match in SHORTCODE_TAG.finditer(text):
        slash, name, attributes, self_closing = match.groups()
        if slash:
            continue
        # A bare [word] is as likely prose as a plugin's tag; it counts only
        # when it has attributes, is closed later, or closes itself.
        if "=" in attributes or self_closing or name.lower() in closing:
            names.append(name)
    return names


class _Converter(MarkdownConverter):
    """markdownify, escaping only what would change the meaning of the text."""

    def escape(self, text, parent_tags):
        """Escape text so Markdown shows it as it was, not as markup."""
        text = super().escape(text, parent_tags)
        if not text or "_noformat" in parent_tags:
            return text
        if "&" in text:
            text = ENTITY_LIKE.sub("&amp;", text)
        text = text.replace("<", "&lt;").replace("`", r"\`")
        if MAY_BE_HAZARD.search(text):   # most text has none: skip five substitutions
            for pattern in LINE_START_HAZARDS:
                text = pattern.sub(r"\1\\\2", text)
        return text

    def convert_pre(self, el, text, parent_tags):
        """A fenced block whose fence is longer than any backtick run inside it."""
        if not text:
            return ""
        language = _code_language(el)
        longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
        fence = "`" * max(3, longest + 1)
        text = text.strip("\n")
        return f"\n\n{fence}{language}\n{text}\n{fence}\n\n"


CONVERTER = _Converter(heading_style="atx", bullets="-", autolinks=True, escape_misc=False)


def _code_language(element):
    for candidate in (element, element.find("code")):
        if candidate is None:
            continue
        if candidate.get("lang"):
            return candidate.get("lang")
        classes = " ".join(candidate.get("class") or [])
        for pattern in (LANGUAGE_CLASS, BRUSH_CLASS):
            match = pattern.search(classes)
            if match:
                return match.group(1)
    return ""


def _rewrite_urls(markup, links):
    def replace(match):
        name, quote, value = match.groups()
        new = links.rewrite(html.unescape(value))
        return f"{name}={quote}{html.escape(new, quote=True)}{quote}"
    return URL_ATTRIBUTE.sub(replace, RESPONSIVE_ATTRIBUTE.sub("", markup))


def to_html(content, links, post_id=0):
    """The HTML WordPress would show for ``content``, shortcodes expanded where possible."""
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    content = CODE_PATTERN.sub(_code_block, content)
    if is_block_content(content):
        content = REUSABLE_BLOCK.sub(
            lambda match: links.reusable_block(int(match.group(1))) or "", content)
        content = BLOCK_COMMENT.sub("", content)
        content = EMBED_WRAPPER.sub(lambda match: _link_paragraph(match.group(1)), content)
    content = MORE_COMMENT.sub(f"\n\n<p>{MORE_TOKEN}</p>\n\n", content, count=1)
    content = MORE_COMMENT.sub("", content)
    content = NEXTPAGE_COMMENT.sub("\n\n<hr />\n\n", content)
    if not is_block_content(content):
        content = wpautop(content)
        content = UNAUTOP.sub(r"\1", content)
    content = MEDIA_PATTERN.sub(_ShortcodeExpander(links, post_id), content)
    content = BARE_URL_PARAGRAPH.sub(lambda match: _link_paragraph(match.group(1)), content)
    content = MEDIA_TAG.sub(lambda match: _link_paragraph(match.group(3)), content)
    return _rewrite_urls(content, links)


def html_to_markdown(markup):
    """Markdown for HTML that is already in its final form."""
    from bs4 import BeautifulSoup

    # lxml's HTML parser: several times faster than html.parser on long posts.
    text = CONVERTER.convert_soup(BeautifulSoup(markup, "lxml"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text


def convert(content, links=None, post_id=0):
    """Convert a post's stored content to Markdown, listing the shortcodes left in it."""
    links = links or Links()
    markup = to_html(content or "", links, post_id)
    left = shortcodes_left(markup)
    text = html_to_markdown(markup)
    text = re.sub(rf"^{MORE_TOKEN}$", MORE_MARKER, text, count=1, flags=re.M)
    return Converted(markdown=text + "\n" if text else "", shortcodes=left)


def excerpt_to_markdown(excerpt):
    """An excerpt (plain text or a little HTML) as one Markdown summary."""
    if not excerpt.strip():
        return ""
    return html_to_markdown(wpautop(excerpt.replace("\r\n", "\n")))
