"""Text helpers shared by indexing and search: slugs, plain text, search terms."""
import html
import math
import re
import unicodedata
from collections import Counter

TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")
WORD = re.compile(r"\w+")
SLUG_REPLACEMENTS = [["+", "-plus"], ["#", "-sharp"], ["&", " and "]]
STOPWORDS = frozenset("""
a about after all also am an and any are as at be been before being but by can
could did do does doing down during each few for from had has have having he her
here hers him his how i if in into is it its itself just me more most my no nor
not now of off on once only or other our ours out over own same she should so
some such than that the their theirs them then there these they this those
through to too under until up us very was we were what when where which while
who whom why will with would you your yours
""".split())
# Postings are the bulk of a post's writes: one item per distinct word. The
# heaviest 400 words (title and tags first) cover every word of a post of up to
# about a thousand words; a longer post loses only some of its one-off words.
MAX_TERMS = 400
TITLE_WEIGHT = 10.0
LABEL_WEIGHT = 5.0


def slug_for(label):
    """The URL slug of a tag or category name: lower case, hyphens, ASCII."""
    from slugify import slugify

    return slugify(label, replacements=SLUG_REPLACEMENTS)


def plain_text(markup):
    """Strip tags from HTML and collapse whitespace."""
    return SPACE.sub(" ", html.unescape(TAG.sub(" ", markup))).strip()


def fold(word):
    """Lower-case and strip accents so 'Café' finds 'cafe'."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def tokens(text):
    """The searchable words of ``text``, folded, without stop words."""
    return [word for word in (fold(raw) for raw in WORD.findall(text))
            if len(word) > 1 and word not in STOPWORDS and len(word) <= 40]


def query_terms(query):
    """The distinct words of a search query, in order."""
    return list(dict.fromkeys(tokens(query)))


def term_weights(title, labels, body):
    """Weight of each term in a document: title and tags count most.

    Capped at the MAX_TERMS heaviest terms so one huge post cannot cost
    thousands of index writes.
    """
    weights = Counter()
    for word in tokens(title):
        weights[word] += TITLE_WEIGHT
    for label in labels:
        for word in tokens(label):
            weights[word] += LABEL_WEIGHT
    for word, count in Counter(tokens(body)).items():
        weights[word] += 1.0 + math.log(count)
    heaviest = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:MAX_TERMS]
    return {word: round(weight, 3) for word, weight in heaviest}


SITE_PATH = re.compile(r"^/(?![/\\])")
UNSAFE_URL_CHARACTERS = re.compile(r"[\s\\\x00-\x1f\x7f]")


def is_safe_link(url):
    """True for an http(s) URL with a host, a mailto: address, or a site path.

    A site path starts with exactly one '/': browsers read ``//evil.example``
    and ``/\\evil.example`` as another site, and drop tabs and newlines inside
    URLs, so backslashes, whitespace and control characters are refused anywhere.
    """
    from urllib.parse import urlsplit

    if not isinstance(url, str) or not url or UNSAFE_URL_CHARACTERS.search(url):
        return False
    if SITE_PATH.match(url):
        return True
    if url.lower().startswith("mailto:"):
        return len(url) > len("mailto:")
    try:
        parts = urlsplit(url)
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname) and port_ok
