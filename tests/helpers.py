"""What tests share besides fixtures: the stage's names, site settings, publishing."""
import base64
import io
import json
import random
import re
import struct
import zlib
from dataclasses import replace
from html import unescape
from pathlib import Path

from chalicelib.site import build_config
from chalicelib.widget_config import prepare_for_storage
from chalicelib.wiring import Services

PROJECT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
STAGE = "local"
STAGE_ENV = json.loads((PROJECT / ".chalice" / "config.json").read_text())[
    "stages"][STAGE]["environment_variables"]
BUCKET = STAGE_ENV["BLOG_BUCKET"]
TABLE = STAGE_ENV["BLOG_TABLE"]

BASE_SITE = {
    "site": {"title": "Test Blog", "tagline": "Tests & more", "author": "Tess Ter",
             "base_url": "https://blog.example.org", "timezone": "UTC",
             "posts_per_page": 3, "cache_seconds": 0},
    "widgets": {"sidebar": [{"type": "recent_posts", "title": "Recent Posts", "count": 5}]},
}
CACHED_SITE = {"site": dict(BASE_SITE["site"], cache_seconds=60),
               "widgets": BASE_SITE["widgets"]}
READS = {"GetItem", "Query", "BatchGetItem"}
CORPUS = sorted((DATA / "posts").glob("*.md")) + sorted((DATA / "pages").glob("*.md"))


def gateway_body(response):
    """The bytes API Gateway sends the reader for a Lambda-proxy response.

    The app marks every type binary, so Chalice base64-encodes each body and
    API Gateway decodes it (the request's Accept always matches ``*/*``).
    """
    body = response.get("body") or ""
    if response.get("isBase64Encoded"):
        return base64.b64decode(body)
    return body.encode("utf-8")


def gateway_text(response):
    """``gateway_body`` as UTF-8 text (pages, feeds)."""
    return gateway_body(response).decode("utf-8")


def push_site(found: Services, raw):
    """Store a site configuration as `blog config push` does."""
    config = build_config(raw)
    config = replace(config, widgets=prepare_for_storage(config.widgets))
    found.index.save_site_config(config.to_json())
    return config


def front_matter(**meta):
    """A front matter block from keyword arguments (values written as given)."""
    lines = ["---"] + [f"{key}: {value}" for key, value in meta.items()] + ["---", ""]
    return "\n".join(lines)


def publish(found: Services, key, text, **meta):
    """Upload a source and run the indexer on it, as the S3 event would."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if meta:
        data = front_matter(**meta).encode("utf-8") + data
    found.store.put(key, data)
    return found.sync(key)


def publish_corpus(found: Services):
    """The five posts and one page under tests/data, published and indexed."""
    for path in CORPUS:
        result = publish(found, f"{path.parent.name}/{path.name}", path.read_bytes())
        assert result.action == "indexed", result
    return found


def picture(width, height, image_format="JPEG", mode="RGB", exif_orientation=None):
    """Bytes of a picture with enough detail to compress like a photograph."""
    from PIL import Image, ImageDraw

    image = Image.new(mode, (width, height), (200, 180, 150) if mode == "RGB" else None)
    draw = ImageDraw.Draw(image)
    for step in range(0, width, 23):
        colour = (step % 255, (step * 7) % 255, (step * 3) % 255)
        if mode == "RGBA":
            colour = (*colour, 128)
        draw.ellipse([step, (step * 5) % height, step + 90, (step * 5) % height + 70],
                     fill=colour)
    grain = Image.frombytes("L", image.size, random.Random(width).randbytes(width * height))
    image = Image.composite(image, grain.convert(mode), grain.point(lambda v: 235))
    buffer = io.BytesIO()
    options = {"quality": 92} if image_format == "JPEG" else {}
    if exif_orientation:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        options["exif"] = exif
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def png_header_only(width, height):
    """A PNG that claims ``width`` x ``height`` pixels in a few dozen bytes: a bomb."""
    def chunk(kind, payload):
        return (struct.pack(">I", len(payload)) + kind + payload
                + struct.pack(">I", zlib.crc32(kind + payload)))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))
def html(client, path):
    """(status, decoded body) of a GET through Chalice's test client."""
    response = client.http.get(path)
    return response.status_code, response.body.decode("utf-8")


def html_text(fragment):
    """What a reader sees of an HTML fragment."""
    return unescape(re.sub(r"<[^>]+>", "", fragment))


def post_links(body):
    """Slugs of posts shown as summaries (entry titles), in page order."""
    return re.findall(r'<h2 class="entry-title"><a href="/posts/([^"]+)"', body)


def feed_of(client, path):
    """(response, feedparser result) of a feed that must parse cleanly."""
    import feedparser

    response = client.http.get(path)
    assert response.status_code == 200
    feed = feedparser.parse(response.body)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


def api_gateway_get(path, host, headers=None):
    """Call the app with the proxy event API Gateway sends for a GET of a post."""
    from app import app

    event = {"resource": "/posts/{slug}", "path": path, "httpMethod": "GET",
             "headers": dict({"host": host}, **(headers or {})),
             "multiValueHeaders": {}, "queryStringParameters": None,
             "multiValueQueryStringParameters": None,
             "pathParameters": {"slug": path.rsplit("/", 1)[1]}, "stageVariables": None,
             "requestContext": {"resourcePath": "/posts/{slug}", "httpMethod": "GET",
                                "stage": "api", "path": "/api" + path},
             "body": None, "isBase64Encoded": False}
    return app(event, None)


def proxy_event(path, query=None, resource="/{proxy+}"):
    """What API Gateway sends the Lambda for a GET of ``path`` on its execute-api host.

    ``resource`` is the API resource that matched: the greedy ``/{proxy+}`` by
    default, or a route pattern such as ``/`` (whose query is ``query``).
    """
    return {
        "resource": resource, "path": path, "httpMethod": "GET",
        "headers": {"Host": "abc123defg.execute-api.us-east-1.amazonaws.com",
                    "X-Forwarded-Proto": "https"},
        "multiValueHeaders": None, "queryStringParameters": query,
        "multiValueQueryStringParameters": ({name: [value] for name, value in query.items()}
                                            if query else None),
        "pathParameters": {"proxy": path.lstrip("/")} if resource == "/{proxy+}" else None,
        "stageVariables": None,
        "requestContext": {"resourcePath": resource, "httpMethod": "GET",
                           "path": f"/api{path}", "stage": "api",
                           "identity": {"sourceIp": "203.0.113.9"}},
        "body": None, "isBase64Encoded": False,
    }


def publish_small_site(found: Services):
    """Five posts about lighthouses (tags Sea and Light, category Travel) and a page."""
    push_site(found, CACHED_SITE)
    for number in range(1, 6):
        publish(found, f"posts/post-{number}.md", f"Body of post {number} about lighthouses.\n",
                title=f"Post {number}", date=f"2024-03-0{number}", tags="[Sea, Light]",
                categories="[Travel]")
    publish(found, "pages/about.md", "About this blog.\n", title="About")
    return found


def advance_clock(seconds):
    """Move the warm instance's monotonic clock forward."""
    from chalicelib.wiring import page_instance

    current = page_instance()
    real = current._clock
    current._clock = lambda: real() + seconds


def operations(calls):
    """{'Operation': count} of a Counter of 'service:Operation' calls."""
    return {name.split(":", 1)[1]: count for name, count in calls.items()}


def images_in(markup):
    """The attributes of each <img> in ``markup``, as dicts, in order."""
    from html.parser import HTMLParser

    found = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "img":
                found.append(dict(attrs))
    Collect().feed(markup)
    return found
