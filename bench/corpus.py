"""Deterministic generated blog posts: the same Markdown for the blog and for Pelican.

Words follow a Zipf law over a made-up vocabulary, so search terms have a
realistic spread of document frequencies and compression cannot shrink the
text to nothing. Every post is a few short paragraphs; every tenth has a
fenced code block so both engines run Pygments.
"""
import itertools
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

SYLLABLES = ("ka lo mi ra ven tor sel dra mun pie quo zan bel cor fin gal hur ist "
             "jol kem lux nor ops pra ril sun tev ulm vik wes yar zor").split()
VOCABULARY_SIZE = 3000
TAGS = [f"topic{n:02d}" for n in range(40)]
CATEGORIES = ["Travel", "Code", "Cooking", "Music", "Garden", "Books", "Family", "Notes"]
FIRST = datetime(2021, 1, 1, tzinfo=timezone.utc)
SPAN = timedelta(days=5 * 365)


def _vocabulary():
    rng = random.Random(7)
    words = []
    seen = set()
    while len(words) < VOCABULARY_SIZE:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


VOCABULARY = _vocabulary()
_WEIGHTS = list(itertools.accumulate(1 / (rank + 1) for rank in range(VOCABULARY_SIZE)))
_TAG_WEIGHTS = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(TAGS))))


@dataclass(frozen=True)
class GeneratedPost:
    """One post: slug, metadata and Markdown body (no front matter)."""

    slug: str
    title: str
    date: datetime
    tags: tuple
    category: str
    body: str

    def blog_source(self):
        """The post as the blog takes it: YAML front matter, then Markdown."""
        return (f"---\ntitle: {self.title}\ndate: {self.date:%Y-%m-%d %H:%M:%S}\n"
                f"tags: [{', '.join(self.tags)}]\ncategories: [{self.category}]\n"
                f"---\n\n{self.body}")

    def pelican_source(self):
        """The same post with Pelican's Markdown metadata header."""
        return (f"Title: {self.title}\nDate: {self.date:%Y-%m-%d %H:%M:%S}\n"
                f"Tags: {', '.join(self.tags)}\nCategory: {self.category}\n"
                f"Slug: {self.slug}\n\n{self.body}")


def _sentence(rng, length):
    words = rng.choices(VOCABULARY, cum_weights=_WEIGHTS, k=length)
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _paragraph(rng):
    return " ".join(_sentence(rng, rng.randint(6, 14)) for _ in range(rng.randint(2, 4)))


def generate(count, seed=1, prefix="post"):
    """``count`` posts, evenly spread over five years, oldest first."""
    rng = random.Random(seed)
    step = SPAN / max(count, 1)
    posts = []
    for number in range(count):
        title = " ".join(rng.choices(VOCABULARY, cum_weights=_WEIGHTS, k=4)).title()
        parts = [_paragraph(rng), f"## {_sentence(rng, 4)[:-1]}", _paragraph(rng)]
        if number % 10 == 0:
            parts.append("```python\ndef greet(name):\n    return f\"hello {name}\"\n```")
        tags = tuple(sorted(set(rng.choices(TAGS, cum_weights=_TAG_WEIGHTS, k=3))))
        posts.append(GeneratedPost(
            slug=f"{prefix}-{number:05d}", title=title,
            date=(FIRST + step * number).replace(microsecond=0), tags=tags,
            category=rng.choice(CATEGORIES), body="\n\n".join(parts) + "\n"))
    return posts


# Pure-Python standard library modules whose docstrings are English prose.
ENGLISH_SOURCES = """argparse asyncio.base_events asyncio.events asyncio.streams asyncio.tasks
ast bdb calendar cmd code codecs collections concurrent.futures configparser contextlib csv
dataclasses datetime decimal difflib doctest email.headerregistry email.message email.utils
enum fractions ftplib functools gettext gzip hashlib heapq http.client http.cookiejar
http.server imaplib inspect ipaddress itertools json locale logging lzma mailbox mimetypes
multiprocessing.pool numbers operator optparse pathlib pdb pickle platform plistlib poplib
pprint queue random re sched secrets selectors shutil signal smtplib socket socketserver
sqlite3 ssl statistics string subprocess sysconfig tarfile tempfile textwrap threading
timeit tokenize traceback types typing unittest.case unittest.loader unittest.mock
urllib.parse urllib.request uuid wave weakref xml.dom.minidom xml.etree.ElementTree
xmlrpc.client zipfile zipimport zoneinfo""".split()


def english(count):
    """``count`` ordinary posts: ~240 words of English (the docstrings of 180-320
    words of the modules above, in a fixed order), two tags and a category each."""
    import importlib
    import inspect
    import warnings

    texts = set()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in ENGLISH_SOURCES:
            module = importlib.import_module(name)
            for owner in [module] + [value for value in vars(module).values()
                                     if inspect.isclass(value) or inspect.isfunction(value)]:
                members = [owner] + ([value for value in vars(owner).values()
                                      if inspect.isfunction(value)]
                                     if inspect.isclass(owner) else [])
                for member in members:
                    text = inspect.getdoc(member)
                    if text and 180 <= len(text.split()) <= 320:
                        texts.add(text)
    texts = sorted(texts)
    random.Random(3).shuffle(texts)
    if len(texts) < count:
        raise ValueError(f"only {len(texts)} docstrings of 180-320 words")
    posts = []
    for number, text in enumerate(texts[:count]):
        words = text.split()
        title = " ".join(filter(None, ("".join(filter(str.isalnum, word))
                                       for word in words[:6])))
        posts.append(GeneratedPost(
            slug=f"english-{number:03d}", title=title or f"Notes {number}",
            date=FIRST + timedelta(days=number), tags=(TAGS[number % 8], TAGS[8 + number % 5]),
            category=CATEGORIES[number % len(CATEGORIES)],
            body="\n\n".join(" ".join(words[start:start + 60])
                              for start in range(0, len(words), 60)) + "\n"))
    return posts


def words_by_document_frequency(posts):
    """{word: fraction of posts containing it} over the bodies of ``posts``."""
    counts = {}
    for post in posts:
        for word in set(post.body.lower().replace(".", " ").split()):
            counts[word] = counts.get(word, 0) + 1
    return {word: count / len(posts) for word, count in counts.items()}


def word_near_frequency(posts, fraction):
    """A vocabulary word whose document frequency is closest to ``fraction``."""
    frequencies = words_by_document_frequency(posts)
    candidates = [word for word in VOCABULARY if word in frequencies]
    return min(candidates, key=lambda word: (abs(frequencies[word] - fraction), word))
