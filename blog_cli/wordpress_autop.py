"""WordPress's paragraph rules (``wpautop``), ported from wp-includes/formatting.php.

Classic posts are stored without ``<p>`` tags: WordPress adds them on every
display, turning blank lines into paragraphs and single newlines into
``<br />``. Converting the stored text without these rules would run every
paragraph together. The port follows WordPress 6.x line by line, so the
same input gives the same paragraphs it gave on the old site.
"""
import re

ALL_BLOCKS = (r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li"
              r"|pre|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend"
              r"|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details"
              r"|menu|summary)")
NEWLINE_MARK = " <!-- wpnl --> "
PRESERVE_MARK = "<WPPreserveNewline />"
HTML_PIECE = re.compile(r"<!--.*?-->|<[^>]*>", re.S)


def _replace_in_html_tags(text):
    """Newlines inside tags and comments become a marker, so they do not split paragraphs."""
    return HTML_PIECE.sub(lambda match: match.group(0).replace("\n", NEWLINE_MARK), text)


def _protect_pre(text):
    """Take every <pre> block out (WordPress leaves them untouched); return text and blocks."""
    if "<pre" not in text:
        return text, {}
    parts = text.split("</pre>")
    last = parts.pop()
    kept, blocks = [], {}
    for number, part in enumerate(parts):
        start = part.find("<pre")
        if start == -1:
            kept.append(part)
            continue
        name = f"<pre wp-pre-tag-{number}></pre>"
        blocks[name] = part[start:] + "</pre>"
        kept.append(part[:start] + name)
    return "".join(kept) + last, blocks


def wpautop(text, br=True):
    """Add paragraphs and line breaks to classic WordPress content, as WordPress shows it."""
    if not text.strip():
        return ""
    text, pre_blocks = _protect_pre(text + "\n")
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    text = re.sub(r"(<" + ALL_BLOCKS + r"[\s/>])", r"\n\n\1", text)
    text = re.sub(r"(</" + ALL_BLOCKS + r">)", r"\1\n\n", text)
    text = re.sub(r"(<hr\s*?/?>)", r"\1\n\n", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _replace_in_html_tags(text)
    if "<option" in text:
        text = re.sub(r"\s*<option", "<option", text)
        text = re.sub(r"</option>\s*", "</option>", text)
    if "</object>" in text:
        text = re.sub(r"(<object[^>]*>)\s*", r"\1", text)
        text = re.sub(r"\s*</object>", "</object>", text)
        text = re.sub(r"\s*(</?(?:param|embed)[^>]*>)\s*", r"\1", text)
    if "<source" in text or "<track" in text:
        text = re.sub(r"([<\[](?:audio|video)[^>\]]*[>\]])\s*", r"\1", text)
        text = re.sub(r"\s*([<\[]/(?:audio|video)[>\]])", r"\1", text)
        text = re.sub(r"\s*(<(?:source|track)[^>]*>)\s*", r"\1", text)
    if "<figcaption" in text:
        text = re.sub(r"\s*(<figcaption[^>]*>)", r"\1", text)
        text = re.sub(r"</figcaption>\s*", "</figcaption>", text)
    text = re.sub(r"\n\n+", "\n\n", text)
    paragraphs = [part for part in re.split(r"\n\s*\n", text) if part]
    text = "".join("<p>" + part.strip("\n") + "</p>\n" for part in paragraphs)
    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = re.sub(r"<p>\s*(</?" + ALL_BLOCKS + r"[^>]*>)\s*</p>", r"\1", text)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.I)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(r"<p>\s*(</?" + ALL_BLOCKS + r"[^>]*>)", r"\1", text)
    text = re.sub(r"(</?" + ALL_BLOCKS + r"[^>]*>)\s*</p>", r"\1", text)
    if br:
        text = re.sub(r"<(script|style|svg|math).*?</\1>",
                      lambda match: match.group(0).replace("\n", PRESERVE_MARK), text,
                      flags=re.S)
        text = text.replace("<br>", "<br />").replace("<br/>", "<br />")
        text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
        text = text.replace(PRESERVE_MARK, "\n")
    text = re.sub(r"(</?" + ALL_BLOCKS + r"[^>]*>)\s*<br />", r"\1", text)
    text = re.sub(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text)
    text = re.sub(r"\n</p>$", "</p>", text)
    for name, block in pre_blocks.items():
        text = text.replace(name, block)
    if "<!-- wpnl -->" in text:
        text = text.replace(NEWLINE_MARK, "\n").replace("<!-- wpnl -->", "\n")
    return text
