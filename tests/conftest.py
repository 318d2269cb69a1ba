"""Layered fixtures: fake credentials, mock_aws, bucket and table, Chalice client."""
import json
from pathlib import Path

import boto3
import pytest
from chalice.test import Client
from moto import mock_aws

from chalicelib.index import create_table
from chalicelib.publishing import Services, services
from chalicelib.runtime import reset_runtime
from chalicelib.site import build_config
from chalicelib.widgets import prepare_for_storage

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


@pytest.fixture
def aws_env(monkeypatch):
    """Fake credentials and the stage's names; no real endpoint can leak in."""
    for name in ("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_DYNAMODB",
                 "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("BLOG_BUCKET", BUCKET)
    monkeypatch.setenv("BLOG_TABLE", TABLE)
    reset_runtime()
    yield
    reset_runtime()


@pytest.fixture
def aws(aws_env):
    """A moto-backed AWS with the blog's bucket and table created."""
    with mock_aws():
        boto3.client("s3").create_bucket(Bucket=BUCKET)
        create_table(boto3.client("dynamodb"), TABLE)
        yield


@pytest.fixture
def blog(aws):
    """Services (store + index) with the base site settings pushed."""
    found = services()
    push_site(found, BASE_SITE)
    return found


def push_site(found: Services, raw):
    """Store a site configuration as `blog config push` does."""
    config = build_config(raw)
    config = type(config)(settings=config.settings,
                          widgets=prepare_for_storage(config.widgets))
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


@pytest.fixture
def client(aws):
    """Chalice's test client for the app, on the stage the tests use."""
    from app import app

    with Client(app, stage_name=STAGE, project_dir=str(PROJECT)) as test_client:
        yield test_client


CORPUS = sorted((DATA / "posts").glob("*.md")) + sorted((DATA / "pages").glob("*.md"))


@pytest.fixture
def corpus(blog):
    """The five posts and one page under tests/data, published and indexed."""
    for path in CORPUS:
        result = publish(blog, f"{path.parent.name}/{path.name}", path.read_bytes())
        assert result.action == "indexed", result
    return blog
