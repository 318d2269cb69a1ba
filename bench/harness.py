"""The benchmark's AWS: a moto server in this process, seeding, and call accounting.

One moto server (``blog_cli.embedded_aws``, the same scaled moto that local
mode and the tests run) serves every table the benchmark uses; child
processes reach it through ``AWS_ENDPOINT_URL``.

- ``CallMeter`` counts botocore API calls and times the HTTP round trips to
  the emulator, so the engine's own time can be reported apart from moto's.
"""
import contextlib
import os
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

class MotoServer:
    """A moto server on a free port, with the environment pointed at it."""

    def __init__(self):
        from blog_cli.embedded_aws import start_server

        self._server, self.endpoint = start_server()
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
        if number == len(posts):
            found.index.refresh_sidebar()
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
        self.intervals = []      # (start, end) of each HTTP round trip
        self.write_units = 0.0   # estimated from the requests (see estimate_write_units)
        self._patches = []

    def __enter__(self):
        from botocore.client import BaseClient
        from botocore.endpoint import Endpoint

        meter = self
        make_call, send = BaseClient._make_api_call, Endpoint._send

        def counted(client, operation, params):
            meter.calls[f"{client.meta.service_model.service_name}:{operation}"] += 1

            def stored_kib(table, key):  # the item as it stands (a read the meter skips)
                found = make_call(client, "GetItem", {"TableName": table, "Key": key,
                                                      "ConsistentRead": True})
                return _item_kib(found["Item"]) if "Item" in found else 0.0

            if client.meta.service_model.service_name == "dynamodb":
                meter.write_units += estimate_write_units(operation, params, stored_kib)
            return make_call(client, operation, params)

        def timed(endpoint, request):
            started = time.perf_counter()
            try:
                return send(endpoint, request)
            finally:
                meter.intervals.append((started, time.perf_counter()))

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
        self.intervals = []
        self.write_units = 0.0

    @property
    def waiting_seconds(self):
        """Seconds with at least one round trip in flight: overlapping calls count once."""
        from cold_start import overlapped

        return overlapped(self.intervals)

    @property
    def round_trips(self):
        """Sequential round trips: the longest chain of calls, each after the last ended.

        Calls that overlap count once, so this is what a reader waits on.
        """
        chain = []
        for start, end in sorted(self.intervals, key=lambda interval: interval[1]):
            before = [length for finished, length in chain if finished <= start]
            chain.append((end, 1 + max(before, default=0)))
        return max((length for _, length in chain), default=0)

    @property
    def total(self):
        """API calls counted since the last reset."""
        return sum(self.calls.values())


def _value_bytes(typed):
    """DynamoDB's size of one typed value, by its documented rules."""
    (kind, value), = typed.items()
    if kind == "S":
        return len(value.encode("utf-8"))
    if kind == "N":
        digits = value.lstrip("-").replace(".", "").strip("0") or "0"
        return (len(digits) + 1) // 2 + 1
    if kind == "B":
        return len(value)
    if kind in ("BOOL", "NULL"):
        return 1
    if kind == "L":
        return 3 + sum(1 + _value_bytes(item) for item in value)
    if kind == "M":
        return 3 + sum(1 + len(name.encode("utf-8")) + _value_bytes(item)
                       for name, item in value.items())
    if kind == "SS":
        return sum(len(item.encode("utf-8")) for item in value)
    if kind == "NS":
        return sum(_value_bytes({"N": item}) for item in value)
    return sum(len(item) for item in value)  # BS


def _item_kib(item):
    """DynamoDB's size of a typed item in KiB: attribute names plus values, as AWS
    documents it ("Item sizes and formats"), which is what write units are billed on."""
    return sum(len(name.encode("utf-8")) + _value_bytes(value)
               for name, value in item.items()) / 1024


def estimate_write_units(operation, params, stored_kib=lambda table, key: 0.0):
    """Write capacity units a DynamoDB write request costs, as DynamoDB bills them.

    One unit per KiB, rounded up per item, twice in a transaction. A put is
    billed on the item written; an update on the larger of the item before and
    after (here: the stored item, or what the update sets if that is larger);
    a delete on the item deleted. ``stored_kib(table, key)`` gives the size of
    the stored item.
    """
    import math

    def units(kind, body, table):
        if kind == "Put":
            return max(1, math.ceil(_item_kib(body["Item"])))
        if kind == "ConditionCheck":
            return 1
        before = stored_kib(table, body["Key"])
        setting = (_item_kib(body.get("ExpressionAttributeValues") or {}) + _item_kib(body["Key"])
                   + sum(map(len, (body.get("ExpressionAttributeNames") or {}).values())) / 1024)
        return max(1, math.ceil(max(before, setting) if kind == "Update" else before))

    if operation == "PutItem":
        return units("Put", params, params["TableName"])
    if operation == "UpdateItem":
        return units("Update", params, params["TableName"])
    if operation == "DeleteItem":
        return units("Delete", params, params["TableName"])
    if operation == "BatchWriteItem":
        total = 0
        for table, requests in params["RequestItems"].items():
            for request in requests:
                put = request.get("PutRequest")
                total += units("Put", put, table) if put else \
                    units("Delete", request["DeleteRequest"], table)
        return total
    if operation == "TransactWriteItems":
        total = 0
        for action in params["TransactItems"]:
            kind, body = next(iter(action.items()))
            total += 2 * units(kind, body, body["TableName"])
        return total
    return 0
