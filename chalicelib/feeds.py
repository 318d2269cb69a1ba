"""Atom and RSS 2.0 feeds built with feedgen (imported only for feed requests).

A feed names an XSL stylesheet, so a reader who opens it in a browser sees a
page that explains how to subscribe; feed readers ignore the instruction.
"""
from xml.sax.saxutils import quoteattr

FEED_LENGTH = 20


def build_feed(kind, settings, base, self_path, entries, bodies, title_suffix="",
               stylesheet=None):
    """The feed document as bytes; ``kind`` is "atom" or "rss".

    ``base`` is the absolute site root; ``bodies`` maps slug to rendered HTML
    when the site publishes full text, else it is empty and summaries are used.
    ``stylesheet`` is the path of the XSL that browsers show the feed with.
    """
    from feedgen.feed import FeedGenerator

    feed = FeedGenerator()
    title = settings.title + (f" – {title_suffix}" if title_suffix else "")
    feed.id(base + self_path)
    feed.title(title)
    feed.subtitle(settings.tagline or settings.title)
    feed.link(href=base + "/", rel="alternate")
    feed.link(href=base + self_path, rel="self")
    feed.language(settings.language)
    feed.generator("serverless-blog")
    if settings.author:
        feed.author({"name": settings.author})
    newest = max((entry.updated or entry.date for entry in entries), default=None)
    if newest is not None:
        feed.updated(newest)
    for entry in reversed(entries):  # feedgen prepends: add oldest first
        item = feed.add_entry()
        url = base + entry.url
        item.id(url)
        item.guid(url, permalink=True)
        item.title(entry.title)
        item.link(href=url)
        item.published(entry.date)
        item.updated(entry.updated or entry.date)
        if entry.author:
            item.author({"name": entry.author})
        for label in entry.categories + entry.tags:
            item.category(term=label.slug, label=label.name)
        summary = str(entry.summary) or entry.description
        body = bodies.get(entry.slug)
        if body is not None:
            item.content(str(body), type="CDATA" if kind == "rss" else "html")
        if summary:
            item.summary(summary, type="html") if kind == "atom" else item.description(summary)
    document = feed.rss_str(pretty=False) if kind == "rss" else feed.atom_str(pretty=False)
    return with_stylesheet(document, stylesheet) if stylesheet else document


def with_stylesheet(document, href):
    """``document`` (XML bytes) with an xml-stylesheet instruction after its declaration."""
    declaration, rest = document.split(b"?>", 1) if document.startswith(b"<?xml") \
        else (None, document)
    instruction = f'<?xml-stylesheet type="text/xsl" href={quoteattr(href)}?>'.encode()
    if declaration is None:
        return instruction + b"\n" + rest
    return declaration + b"?>\n" + instruction + rest
