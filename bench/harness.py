"""The benchmark's AWS: a moto server in this process, seeding, and call accounting.

One ``ThreadedMotoServer`` (port 0) serves every table the benchmark uses; child
processes reach it through ``AWS_ENDPOINT_URL``. Two things are bench-only:

- moto's ``Table.query`` sorts *every item of the table* on each Query, so a
  table holding 10,000 posts (~400,000 items) takes about a second per Query.
  DynamoDB reads one partition's sort-key range. ``patch_moto_query`` makes
  moto read only the queried partition, which changes no result, only moto's
  own cost.
- moto's ``transact_write_items`` deep-copies every table a transaction
  touches, before each action, so seeding slows down as the table grows.
  ``patch_moto_transactions`` snapshots only the items the transaction
  touches and restores those if it is cancelled: same outcome, less copying.
- ``CallMeter`` counts botocore API calls and times the HTTP round trips to
  the emulator, so the engine's own time can be reported apart from moto's.
"""
import contextlib
import os
import threading
import time
from collections import Counter

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUCKET = "blog-bench"
REGION = "us-east-1"
SITE = {
    "site": {"title": "Bench Blog", "tagline": "Generated posts", "author": "Bench",
             "base_url": "https://blog.example.org", "timezone": "UTC",
             "posts_per_page": 10, "cache_seconds": 60},
    "widgets": {
        "header-sidebar": [{"type": "search"}],
        "sidebar": [{"type": "recent_posts", "count": 5}, {"type": "categories"},
                    {"type": "archives"}, {"type": "tag_cloud", "limit": 30}],
        "footer": [{"type": "feed"},
                   {"type": "links", "links": [{"title": "Example",
                                                "url": "https://example.org"}]}],
    },
}

_partition = threading.local()


def patch_moto_query():
    """Make moto's base-table Query look only at the queried partition."""
    from moto.dynamodb.models.table import Table

    if getattr(Table, "_bench_patched", False):
        return
    original_query, original_all_items = Table.query, Table.all_items

    def query(self, hash_key, *args, **kwargs):
        index_name = kwargs.get("index_name", args[6] if len(args) > 6 else None)
        if index_name is None and self.range_key_attr and hash_key is not None:
            _partition.key = hash_key
        try:
            return original_query(self, hash_key, *args, **kwargs)
        finally:
            _partition.key = None

    def all_items(self):
        key = getattr(_partition, "key", None)
        if key is None:
            return original_all_items(self)
        partition = self.items.get(key) or {}
        return sorted(partition.values(), key=lambda item: item.range_key.value)

    Table.query, Table.all_items, Table._bench_patched = query, all_items, True


def patch_moto_transactions():
    """Roll back a cancelled moto transaction from a snapshot of its own items."""
    import copy
    import types

    from moto.dynamodb import models
    from moto.dynamodb.models.dynamo_type import DynamoType
    from moto.dynamodb.models.table import Table

    if getattr(models.DynamoDBBackend, "_bench_patched", False):
        return
    real_deepcopy = copy.deepcopy
    models.copy = types.SimpleNamespace(deepcopy=lambda value, memo=None: value if isinstance(
        value, Table) else real_deepcopy(value, memo))
    original = models.DynamoDBBackend.transact_write_items

    def transact_write_items(self, transact_items):
        saved = []
        for action in transact_items:
            _, op = next(iter(action.items()))
            table = self.tables.get(op.get("TableName"))
            if table is None or not table.range_key_attr:
                continue
            key = op.get("Key") or op.get("Item") or {}
            if table.hash_key_attr not in key or table.range_key_attr not in key:
                continue
            hash_key = DynamoType(key[table.hash_key_attr])
            range_key = DynamoType(key[table.range_key_attr])
            current = table.items.get(hash_key, {}).get(range_key)
            saved.append((table, hash_key, range_key,
                          None if current is None else real_deepcopy(current)))
        try:
            return original(self, transact_items)
        except Exception:
            for table, hash_key, range_key, item in reversed(saved):
                if item is None:
                    table.items.get(hash_key, {}).pop(range_key, None)
                else:
                    table.items[hash_key][range_key] = item
            raise

    models.DynamoDBBackend.transact_write_items = transact_write_items
    models.DynamoDBBackend._bench_patched = True


class MotoServer:
    """A moto server on a free port, with the environment pointed at it."""

    def __init__(self):
        from moto.server import ThreadedMotoServer

        import logging

        patch_moto_query()
        patch_moto_transactions()
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self._server.start()
        host, port = self._server.get_host_and_port()
        self.endpoint = f"http://{host}:{port}"
        os.environ.update({
            "AWS_ENDPOINT_URL": self.endpoint, "AWS_ACCESS_KEY_ID": "bench",
            "AWS_SECRET_ACCESS_KEY": "bench", "AWS_DEFAULT_REGION": REGION,
            "BLOG_BUCKET": BUCKET,
        })
        for name in ("AWS_PROFILE", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_DYNAMODB"):
            os.environ.pop(name, None)

    def stop(self):
        """Stop the server thread."""
        self._server.stop()


def use_table(table):
    """Point the app and the writers at ``table`` (a fresh Runtime, same clients)."""
    from chalicelib.wiring import reset

    os.environ["BLOG_TABLE"] = table
    reset()


def create_blog(table, site=SITE):
    """Create the bucket (once) and ``table``; push the site settings; return Services."""
    import boto3
    from botocore.exceptions import ClientError

    from chalicelib.dynamodb import create_table
    from chalicelib.wiring import services
    from chalicelib.site import build_config
    from chalicelib.widget_config import prepare_for_storage

    with contextlib.suppress(ClientError):
        boto3.client("s3").create_bucket(Bucket=BUCKET)
    create_table(boto3.client("dynamodb"), table)
    use_table(table)
    found = services()
    config = build_config(site)
    config = type(config)(settings=config.settings,
                          widgets=prepare_for_storage(config.widgets))
    found.index.save_site_config(config.to_json())
    return found


def seed(found, posts, label, upload=False):
    """Index ``posts`` with the real parser and PostIndex.upsert (S3 put if ``upload``)."""
    from chalicelib.content import parse_document

    settings = found.site_config().settings
    started = time.perf_counter()
    last_report = started
    for number, post in enumerate(posts, start=1):
        key = f"posts/{post.slug}.md"
        data = post.blog_source().encode("utf-8")
        if upload:
            found.store.put(key, data)
            found.sync(key)
        else:
            document = parse_document(data, key, post.date, settings)
            found.index.upsert(document, f"seed-{number}", post.date, settings.tzinfo)
        now = time.perf_counter()
        if now - last_report > 5 or number == len(posts):
            last_report = now
            rate = number / (now - started)
            print(f"\r  seeding {label}: {number:,}/{len(posts):,} posts "
                  f"({rate:,.0f}/s)", end="", flush=True)
    print(flush=True)


class CallMeter:
    """Counts botocore API calls by operation and times HTTP round trips."""

    def __init__(self):
        self.calls = Counter()
        self.wire_seconds = 0.0
        self._patches = []

    def __enter__(self):
        from botocore.client import BaseClient
        from botocore.endpoint import Endpoint

        meter = self
        make_call, send = BaseClient._make_api_call, Endpoint._send

        def counted(client, operation, params):
            meter.calls[f"{client.meta.service_model.service_name}:{operation}"] += 1
            return make_call(client, operation, params)

        def timed(endpoint, request):
            started = time.perf_counter()
            try:
                return send(endpoint, request)
            finally:
                meter.wire_seconds += time.perf_counter() - started

        BaseClient._make_api_call, Endpoint._send = counted, timed
        self._patches = [(BaseClient, "_make_api_call", make_call),
                         (Endpoint, "_send", send)]
        return self

    def __exit__(self, *exc):
        for owner, name, original in self._patches:
            setattr(owner, name, original)

    def reset(self):
        """Start counting again from zero."""
        self.calls.clear()
        self.wire_seconds = 0.0

    @property
    def total(self):
        """API calls counted since the last reset."""
        return sum(self.calls.values())
