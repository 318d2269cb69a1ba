"""Bench rows for media: what a phone downloads, and what variants cost to make.

``phone_bytes`` plays a browser choosing from each ``<img>``'s ``srcset`` by
its ``sizes`` (only the forms ``chalicelib.images.sizes`` writes are read) on a
phone 390 CSS px wide; ``variant_seconds_per_megapixel`` times
``make_variants`` on the demo pictures.
"""
import re
import statistics
import time
from html.parser import HTMLParser
from pathlib import Path

from chalicelib.images import media_path
from chalicelib.media import make_variants, modern_formats

PHONE_WIDTH = 390
PHONE_DENSITY = 2
ROOT_EM = 16
DEMO_MEDIA = Path(__file__).resolve().parent.parent / "demo" / "media"
CONDITION = re.compile(r"^\(max-width:\s*(\d+)px\)\s*(.+)$")
MIN_OF = re.compile(r"^min\(100vw\s*-\s*([\d.]+)rem,\s*(\d+)px\)$")


def slot_width(sizes, viewport=PHONE_WIDTH):
    """The CSS width a ``sizes`` value gives an image at ``viewport`` px."""
    for part in _top_level_parts(sizes):
        condition = CONDITION.match(part)
        if condition:
            if viewport > int(condition.group(1)):
                continue
            part = condition.group(2).strip()
        found = MIN_OF.match(part)
        if found:
            return min(viewport - float(found.group(1)) * ROOT_EM, int(found.group(2)))
        return float(part.removesuffix("px"))
    return viewport


def _top_level_parts(value):
    """``value`` split at the commas outside parentheses."""
    parts, depth, current = [], 0, ""
    for char in value:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    return parts + [current.strip()]


def chosen_source(attributes, viewport=PHONE_WIDTH, density=PHONE_DENSITY):
    """The URL a browser loads for an ``<img>``: the narrowest srcset width that is enough."""
    candidates = []
    for candidate in (attributes.get("srcset") or "").split(","):
        parts = candidate.split()
        if len(parts) == 2 and parts[1].endswith("w"):
            candidates.append((int(parts[1][:-1]), parts[0]))
    if not candidates:
        return attributes.get("src")
    needed = slot_width(attributes.get("sizes", "100vw"), viewport) * density
    candidates.sort()
    return next((url for width, url in candidates if width >= needed), candidates[-1][1])


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.found.append(dict(attrs))


def phone_bytes(markup, size_of):
    """(bytes a phone loads for the page's media images, bytes of their originals).

    ``size_of(url)`` gives the byte size of a served URL. Every image counts,
    as for a reader who scrolls to the end of the page.
    """
    parser = _Images()
    parser.feed(markup)
    loaded = originals = 0
    for attributes in parser.found:
        if not media_path(attributes.get("src")):
            continue
        loaded += size_of(chosen_source(attributes))
        originals += size_of(attributes["src"])
    return loaded, originals, len(parser.found)


def variant_seconds_per_megapixel(runs=3, formats=None, folder=DEMO_MEDIA):
    """Median seconds ``make_variants`` takes per megapixel over the demo pictures."""
    pictures = sorted(path for path in folder.rglob("*")
                      if path.suffix.lower() in (".jpg", ".jpeg", ".png"))
    per_megapixel = []
    for path in pictures:
        data = path.read_bytes()
        key = "media/" + path.relative_to(folder).as_posix()
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            info = make_variants(data, key, formats=formats)
            timings.append(time.perf_counter() - started)
        per_megapixel.append(min(timings) / (info.width * info.height / 1e6))
    return statistics.median(per_megapixel), len(pictures)


def shipped_formats():
    """The formats the handler tries (WebP, and AVIF where Pillow has it)."""
    return modern_formats()


def demo_home_weight():
    """(phone bytes, original bytes, images) of the demo home page, on an in-process moto."""
    import os
    from unittest import mock
    from urllib.parse import unquote

    import boto3
    from chalice.test import Client
    from moto import mock_aws

    from blog_cli.local_mode import load_content
    from chalicelib.wiring import reset, services

    import json

    project = DEMO_MEDIA.parent.parent
    stage = json.loads((project / ".chalice" / "config.json").read_text())["stages"]["local"]
    bucket = stage["environment_variables"]["BLOG_BUCKET"]
    names = {"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench",
             "AWS_DEFAULT_REGION": "us-east-1", "BLOG_BUCKET": bucket,
             "BLOG_TABLE": stage["environment_variables"]["BLOG_TABLE"]}
    with mock.patch.dict(os.environ, names), mock_aws():
        os.environ.pop("AWS_ENDPOINT_URL", None)
        reset()
        found = services()
        load_content(DEMO_MEDIA.parent, found)
        from app import app

        with Client(app, stage_name="local", project_dir=str(project)) as client:
            home = client.http.get("/", headers={"accept": "text/html"}).body.decode()
        s3 = boto3.client("s3")

        def size_of(url):
            key = unquote(url.split("?")[0]).lstrip("/")
            return s3.head_object(Bucket=bucket, Key=key)["ContentLength"]
        result = phone_bytes(home, size_of)
        reset()
    return result
