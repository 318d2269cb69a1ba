"""What tests share besides fixtures: the stage's names, site settings, publishing."""
import json
from dataclasses import replace
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
CORPUS = sorted((DATA / "posts").glob("*.md")) + sorted((DATA / "pages").glob("*.md"))


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
