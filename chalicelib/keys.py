"""Every key of the index table, as named functions: nothing else spells a key.

Layout (``pk`` / ``sk``), read only by GetItem, Query or BatchGetItem:

- ``SITE`` / ``site``: settings, ``version``, the post count and the scheduled
  posts; ``/ sidebar``: the sidebar snapshot. One Query reads both; they are
  apart so that a post's transaction, which bumps the version, is billed for
  the small item only.
- ``AGG`` / ``tag#s``, ``cat#s``, ``month#YYYY-MM``, ``page#s``: counts and pages.
- ``POST#slug``, ``PAGE#slug`` / ``meta``, ``body#rev#n``: a document's head
  item and the chunks of its compressed rendered body.
- ``LIST#all``, ``LIST#tag#s``, ``LIST#cat#s`` / ``<utc time>#<slug>``: listings.
- ``TERM#word`` / ``~<fold>``: a block of the search index: the word's weight
  in each post of one fold, an attribute named by the post's listing key.
  (``/ <listing key>`` with ``w``: a posting from before folds, still read.)
- ``FRESH`` / ``<slug>``: a post whose words wait for the next fold, with its
  listing key, revision and packed weights; every search reads the partition.
- ``WORDS`` / ``<slug>``: a post's packed weights, revision, listing key and
  the fold that holds them. ``FOLD`` / ``lease``: the lease and journal of
  the fold under way (``search_index`` explains folds).
- ``ERROR`` / ``<source key>``: why a source could not be published.
- ``MEDIA#<media key>`` / ``meta``: a media object's type, size, pixel size and
  variants; ``/ users``: the set of source keys whose pages show it (a
  superset: pruned when the media changes and a user no longer refers to it).
- ``ALIAS`` / ``<old path>``: where an old address moved (front-matter
  ``aliases``), the path in ``redirects.alias_path``'s normal form.
"""
from chalicelib.models import HIGHEST, sort_key, timestamp

TAG = "tag"
CATEGORY = "cat"
MONTH = "month"
PAGE_ENTRY = "page"

SITE_PARTITION = "SITE"
SITE = {"pk": SITE_PARTITION, "sk": "site"}
SIDEBAR = {"pk": SITE_PARTITION, "sk": "sidebar"}
AGGREGATES = "AGG"
ALL_POSTS = "LIST#all"
ERRORS = "ERROR"
ALIASES = "ALIAS"
HEAD_SK = "meta"
MEDIA_USERS_SK = "users"
_BODY = "body#"
_MEDIA = "MEDIA#"
_TERM = "TERM#"
_BLOCK = "~"
FRESH = "FRESH"
WORDS = "WORDS"
FOLD_LEASE = {"pk": "FOLD", "sk": "lease"}

def listing_sk(moment, slug):
    """Where a post sits in every listing: newest-first by UTC time, then slug."""
    return sort_key(moment, slug)


def document_pk(kind, slug):
    """Partition of a post ("post") or a static page ("page")."""
    return f"{kind.upper()}#{slug}"


def head(kind, slug):
    """Key of a document's head item (metadata, revision, listing fields)."""
    return {"pk": document_pk(kind, slug), "sk": HEAD_SK}


def body_prefix(revision):
    """Sort-key prefix shared by one revision's body chunks."""
    return f"{_BODY}{revision:06d}#"


def body_chunk(kind, slug, revision, number):
    """Key of chunk ``number`` of a revision's compressed body."""
    return {"pk": document_pk(kind, slug), "sk": f"{body_prefix(revision)}{number:04d}"}


def slug_of_document_pk(pk):
    """The slug in a ``POST#slug`` or ``PAGE#slug`` partition."""
    return pk.split("#", 1)[1]


def label_listing(kind, slug):
    """Listing partition of a tag ("tag") or category ("cat")."""
    return f"LIST#{kind}#{slug}"


def aggregate_sk(kind, name):
    """Sort key of a count (tag, cat, month) or a page entry in the AGG partition."""
    return f"{kind}#{name}"


def aggregate(kind, name):
    """Key of one count or page entry."""
    return {"pk": AGGREGATES, "sk": aggregate_sk(kind, name)}


def split_aggregate_sk(sk):
    """(kind, name) of an AGG sort key."""
    kind, _, name = sk.partition("#")
    return kind, name


def term_pk(term):
    """Search postings partition of one word."""
    return _TERM + term


def block(term, fold):
    """Key of the block holding one fold's weights of ``term``."""
    return {"pk": _TERM + term, "sk": _BLOCK + fold}


def is_block_sk(sk):
    """True for a block's sort key (a posting's is a listing key)."""
    return sk.startswith(_BLOCK)


def fresh(slug):
    """Key of a post's words while they wait for a fold."""
    return {"pk": FRESH, "sk": slug}


def words(slug):
    """Key of a post's words record."""
    return {"pk": WORDS, "sk": slug}


def error(source_key):
    """Key of the error recorded for one source object."""
    return {"pk": ERRORS, "sk": source_key}


def media(media_key):
    """Key of what the index knows of one media object (``media/...``)."""
    return {"pk": _MEDIA + media_key, "sk": HEAD_SK}


def media_users(media_key):
    """Key of the set of sources (``posts/x.md``) that show one media object."""
    return {"pk": _MEDIA + media_key, "sk": MEDIA_USERS_SK}
def alias(path):
    """Key of the item saying which document an old path (in normal form) moved to."""
    return {"pk": ALIASES, "sk": path}


def published_until(now):
    """The highest listing sort key visible at ``now`` (hides scheduled posts)."""
    return f"{timestamp(now)}#{HIGHEST}"


def period_bounds(start, end):
    """Listing sort-key bounds of the posts dated in [start, end)."""
    return timestamp(start), f"{timestamp(end)}#"


def just_after(key):
    """The lowest sort key strictly after ``key``."""
    return key + "\x00"


def just_below(key):
    """The largest string sorting before ``key`` closely enough for BETWEEN/<=."""
    return key[:-1] + chr(ord(key[-1]) - 1) + HIGHEST


def prefix_range(prefix):
    """(low, high) sort-key bounds of every key starting with ``prefix``."""
    return prefix, prefix + HIGHEST
