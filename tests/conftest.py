"""Layered fixtures: fake credentials, mock_aws, bucket and table, Chalice client.

Function-scoped fixtures give each test a blog of its own. Tests that only
read share one published corpus per module (``corpus_module`` and
``reader``), built once, which is most of what keeps the suite fast.
"""
from collections import Counter
from contextlib import contextmanager

import boto3
import pytest
from botocore.client import BaseClient
from chalice.test import Client
from moto import mock_aws

from blog_cli.embedded_aws import scale_moto
from chalicelib.dynamodb import create_table
from chalicelib.wiring import reset, services
from tests.helpers import BASE_SITE, BUCKET, PROJECT, STAGE, TABLE, publish_corpus, push_site

scale_moto()  # the same moto local mode and the bench run

CLEARED = ("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_DYNAMODB",
           "AWS_PROFILE")
FAKE = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1", "BLOG_BUCKET": BUCKET, "BLOG_TABLE": TABLE}


def _fake_environment(patch):
    for name in CLEARED:
        patch.delenv(name, raising=False)
    for name, value in FAKE.items():
        patch.setenv(name, value)


def _storage():
    boto3.client("s3").create_bucket(Bucket=BUCKET)
    create_table(boto3.client("dynamodb"), TABLE)


@pytest.fixture
def aws_env(monkeypatch):
    """Fake credentials and the stage's names; no real endpoint can leak in."""
    _fake_environment(monkeypatch)
    reset()
    yield
    reset()


@pytest.fixture
def aws(aws_env):
    """A moto-backed AWS with the blog's bucket and table created."""
    with mock_aws():
        _storage()
        yield


@pytest.fixture
def blog(aws):
    """Services (store + index) with the base site settings pushed."""
    found = services()
    push_site(found, BASE_SITE)
    return found


@pytest.fixture
def client(aws):
    """Chalice's test client for the app, on the stage the tests use."""
    from app import app

    with Client(app, stage_name=STAGE, project_dir=str(PROJECT)) as test_client:
        yield test_client


@pytest.fixture
def corpus(blog):
    """The five posts and one page under tests/data, published and indexed."""
    return publish_corpus(blog)


@pytest.fixture
def aws_calls(monkeypatch):
    """Every botocore API call made, as a Counter of 'service:Operation'."""
    calls = Counter()
    original = BaseClient._make_api_call

    def counted(client, operation, params):
        calls[f"{client.meta.service_model.service_name}:{operation}"] += 1
        return original(client, operation, params)

    monkeypatch.setattr(BaseClient, "_make_api_call", counted)
    return calls


@pytest.fixture
def dynamodb_writes(monkeypatch):
    """Every DynamoDB item write made, as (operation, pk, sk), batches and transactions
    item by item."""
    writes = []
    original = BaseClient._make_api_call

    def key_of(body):
        key = body.get("Item") or body.get("Key")
        return key["pk"]["S"], key["sk"]["S"]

    def recording(client, operation, params):
        if operation in ("PutItem", "UpdateItem", "DeleteItem"):
            writes.append((operation, *key_of(params)))
        elif operation == "BatchWriteItem":
            for requests in params["RequestItems"].values():
                writes.extend(("PutItem", *key_of(request["PutRequest"]))
                              if "PutRequest" in request else
                              ("DeleteItem", *key_of(request["DeleteRequest"]))
                              for request in requests)
        elif operation == "TransactWriteItems":
            writes.extend((f"{kind}Item", *key_of(body))
                          for action in params["TransactItems"]
                          for kind, body in action.items())
        return original(client, operation, params)

    monkeypatch.setattr(BaseClient, "_make_api_call", recording)
    return writes


# -- one read-only blog per module ----------------------------------------------------

@contextmanager
def module_aws():
    """A moto AWS of a module's own, with the bucket and the table: for read-only tests.

    Function-scoped AWS fixtures must not be used in the same module.
    """
    with pytest.MonkeyPatch.context() as patch:
        _fake_environment(patch)
        reset()
        with mock_aws():
            _storage()
            yield services()
        reset()


@pytest.fixture(scope="module")
def shared_blog():
    """The corpus published once for the module."""
    with module_aws() as found:
        push_site(found, BASE_SITE)
        yield publish_corpus(found)


@pytest.fixture(scope="module")
def reader(shared_blog):
    """Chalice's test client on the module's shared, read-only blog."""
    from app import app

    with Client(app, stage_name=STAGE, project_dir=str(PROJECT)) as test_client:
        yield test_client
