"""Old addresses: where WordPress's own URL forms and front-matter aliases moved.

``wordpress_form`` maps the addresses every WordPress site answers
(``/category/x/``, ``/tag/x/``, ``/feed/``, ``/2004/``, ``/2004/11/``,
``/?s=words``, ``/?feed=rss2``...) to this blog's URLs by their shape alone,
with no read. Anything else may be an alias: ``alias_path`` is the one
normal form in which aliases are stored and looked up, so trailing slashes,
case and percent-encoding never decide whether an old link still works.
"""
import re
from urllib.parse import parse_qsl, unquote

from chalicelib import keys, urls
from chalicelib.text import slug_for

QUERY_NAMES = ("p", "page_id", "s", "feed", "m", "tag", "category_name", "paged")
LOOKUP_QUERIES = ("p", "page_id")   # WordPress's numbered addresses: aliases in the index
FRONT_CONTROLLER = ("", "index.php")
FEED_PATHS = {"feed": urls.RSS, "feed/rss2": urls.RSS, "feed/rss": urls.RSS,
              "feed/rdf": urls.RSS, "feed/atom": urls.ATOM}
TERM_FOLDERS = {"category": keys.CATEGORY, "tag": keys.TAG}
YEAR = re.compile(r"^(\d{4})$")
MONTH = re.compile(r"^(\d{4})/(\d{2})(?:/\d{2})?$")   # a day archive shows its month
PAGED = re.compile(r"^page/(\d+)$")
FIRST_YEAR, LAST_YEAR = 1970, 9999
MAX_PAGE = 10_000


def alias_path(path, query=None):
    """The normal form of an old address: decoded, lower case, no trailing slash.

    ``/index.php?p=1`` and ``/?p=1`` are one address, as they were to WordPress.
    ``query`` (a dict) may also come inside ``path`` after '?'; its pairs are
    sorted so ``/?a=1&b=2`` and ``/?b=2&a=1`` are one address.
    """
    path, _, inline = (path or "").strip().partition("?")
    pairs = sorted(parse_qsl(inline, keep_blank_values=True) + list((query or {}).items()))
    path = re.sub(r"/{2,}", "/", "/" + unquote(path).lstrip("/")).rstrip("/") or "/"
    if path.lower() == "/index.php":   # WordPress's front controller is its home page
        path = "/"
    if pairs:
        path += "?" + "&".join(f"{name}={value}" for name, value in pairs)
    return path.casefold()


def is_wordpress_query(query):
    """True if the home page's query is one of WordPress's (?p=, ?s=, ?feed=...)."""
    return bool(query) and any(name in query for name in QUERY_NAMES)


def _archive(year, month=None):
    if not FIRST_YEAR <= int(year) <= LAST_YEAR or (month and not 1 <= int(month) <= 12):
        return None
    return urls.archive(int(year), int(month) if month else None)


def _paged(path, number):
    number = int(number)
    return urls.with_page(path, number) if 1 <= number <= MAX_PAGE else None


def _term(kind, raw, feed=False, page=None):
    """/categories/<slug> or /tags/<slug> (its feed, or a page of it)."""
    slug = slug_for(unquote(raw))
    if not slug:
        return None
    if feed:
        return urls.label_feed(TERM_FOLDERS[kind], slug)
    path = urls.label(TERM_FOLDERS[kind], slug)
    return _paged(path, page) if page else path


def _term_path(parts):
    """``category/[parents/]slug[/feed[/type]|/page/N]`` and the same for ``tag``."""
    kind, rest = parts[0].lower(), parts[1:]
    feed, page = False, None
    if len(rest) >= 3 and rest[-2].lower() == "page" and rest[-1].isdigit():
        page, rest = rest[-1], rest[:-2]
    elif len(rest) >= 2 and rest[-1].lower() == "feed":
        feed, rest = True, rest[:-1]
    elif len(rest) >= 3 and rest[-2].lower() == "feed":
        feed, rest = True, rest[:-2]
    return _term(kind, rest[-1], feed, page) if rest else None


def _from_query(query):
    value = {name: str(query.get(name) or "").strip() for name in QUERY_NAMES}
    if "s" in query:
        return urls.search(value["s"]) if value["s"] else urls.SEARCH
    if "feed" in query:
        return urls.ATOM if value["feed"].lower() == "atom" else urls.RSS
    if value["m"].isdigit() and len(value["m"]) in (4, 6, 8):
        return _archive(value["m"][:4], value["m"][4:6] or None)
    if value["tag"]:
        return _term("tag", value["tag"])
    if value["category_name"]:
        return _term("category", value["category_name"])
    if value["paged"].isdigit():
        return _paged(urls.HOME, value["paged"])
    return None


def wordpress_form(path, query=None):
    """This blog's URL for one of WordPress's own address forms, or None.

    ``/?p=N`` and ``/?page_id=N`` are not answered here: they name one post,
    which only the index knows (the import stores them as aliases).
    """
    inner = unquote(path or "").strip("/")
    query = query or {}
    if inner.lower() in FRONT_CONTROLLER:
        if any(name in query for name in LOOKUP_QUERIES):
            return None
        return _from_query(query)
    lowered = inner.lower()
    if lowered in FEED_PATHS:
        return FEED_PATHS[lowered]
    match = YEAR.match(inner)
    if match:
        return _archive(match.group(1))
    match = MONTH.match(inner)
    if match:
        return _archive(match.group(1), match.group(2))
    parts = inner.split("/")
    if len(parts) >= 2 and parts[0].lower() in TERM_FOLDERS:
        return _term_path(parts)
    match = PAGED.match(lowered)
    if match:
        return _paged(urls.HOME, match.group(1))
    return None
