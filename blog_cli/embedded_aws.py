"""The moto that local mode, the tests and the bench run: moto 5.2.5 made to scale.

Three things in moto 5.2.5 make a blog of thousands of posts unusable, each
fixed here without changing any result moto gives:

- ``TransactWriteItems`` deep-copies every table a transaction touches before
  each action (to roll back on a cancel), so a post costs time in proportion
  to the table. ``scale_moto`` snapshots only the items the transaction names
  and restores those if it is cancelled.
- Every model object moto creates (each DynamoDB item version, each table
  copy, each S3 object version) is appended to ``instances_tracked`` for its
  dashboard and never released, so memory grows with every write ever made,
  and with the square of the posts given the copies above. Tracking is
  switched off.
- ``Table.query`` sorts every item of the table on each Query; it is made to
  read only the queried partition, and in it only the items the key condition
  and the start key leave, as DynamoDB does. A Scan page likewise starts at its
  start key instead of sorting and unpacking the whole table.

And one thing that makes it lean: moto holds every item as a tree of Python
objects, about 1 KiB for a 60-byte index posting. ``packed_items`` keeps each
item as one bytes object instead. And every S3 object carried its own copy of
the default ACL and a spooled-file wrapper round its bytes, about 3 KB; small
objects now share the ACL and keep their bytes in a plain buffer.

``scale_moto()`` is idempotent and applies to moto in this process, both
``mock_aws`` and a server. It also lets this process hear of every object
written or deleted (``ObjectChanges``), as S3 events would tell a deployed
blog. ``start_server`` starts the embedded endpoint.
"""
import copy
import io
import logging
import threading
import types

from blog_cli import packed_items

LOOPBACK = "127.0.0.1"
_applied = threading.Lock()
_done = False
_partition = threading.local()


def _stop_tracking():
    """moto's models no longer record every instance (kept for its dashboard only)."""
    from moto.core.common_models import BaseModel

    def new(cls, *args, **kwargs):
        return object.__new__(cls)

    # On the base class, so models imported later, and the lists that
    # mock_aws's exit resets, are covered too.
    BaseModel.__new__ = staticmethod(new)


def _query_one_partition():
    import inspect

    from moto.dynamodb.models.dynamo_type import DynamoType
    from moto.dynamodb.models.table import Table

    original_query, original_scan, original_all_items = Table.query, Table.scan, Table.all_items
    signature, scan_signature = (inspect.signature(original_query),
                                 inspect.signature(original_scan))

    def query(self, *args, **kwargs):
        asked = signature.bind(self, *args, **kwargs).arguments
        if asked.get("index_name") is None and self.range_key_attr and \
                asked.get("hash_key") is not None:
            start = (asked.get("exclusive_start_key") or {}).get(self.range_key_attr)
            _partition.query = (asked["hash_key"], asked.get("range_comparison"),
                                asked.get("range_objs") or (),
                                DynamoType(start) if start else None,
                                asked.get("scan_index_forward") is not False)
        try:
            return original_query(self, *args, **kwargs)
        finally:
            _partition.query = None

    def scan(self, *args, **kwargs):
        asked = scan_signature.bind(self, *args, **kwargs).arguments
        if asked.get("index_name") is None and isinstance(self.items, packed_items.Partitions):
            start = asked.get("exclusive_start_key") or {}
            _partition.scan = ((DynamoType(start[self.hash_key_attr]),
                                DynamoType(start[self.range_key_attr]))
                               if self.hash_key_attr in start and self.range_key_attr in start
                               else None,)
        try:
            return original_scan(self, *args, **kwargs)
        finally:
            _partition.scan = None

    def all_items(self):
        scanning = getattr(_partition, "scan", None)
        if scanning is not None:
            # In key order from the start key on, each item unpacked only if read.
            return self.items.scan_from(scanning[0])
        asked = getattr(_partition, "query", None)
        if asked is None:
            return original_all_items(self)
        key, comparison, operands, after, forward = asked
        partition = self.items.get(key)
        if isinstance(partition, packed_items.Partition):
            # Only the items the key condition and the start key leave, unpacked
            # only when moto reads past their keys (the Limit stops it first).
            return partition.select(comparison, operands, after, forward)
        return sorted((partition or {}).values(), key=lambda item: item.range_key.value)

    Table.query, Table.scan, Table.all_items = query, scan, all_items


def _transactions_copy_only_their_items():
    from moto.dynamodb import models
    from moto.dynamodb.models.dynamo_type import DynamoType
    from moto.dynamodb.models.table import Table

    real_deepcopy = copy.deepcopy
    # moto deep-copies whole tables to roll back; tables are now left as they are...
    models.copy = types.SimpleNamespace(deepcopy=lambda value, memo=None: value if isinstance(
        value, Table) else real_deepcopy(value, memo))
    original = models.DynamoDBBackend.transact_write_items

    def transact_write_items(self, transact_items):
        # ...and the items the transaction names are saved, and restored on a cancel.
        saved = []
        for action in transact_items:
            _, operation = next(iter(action.items()))
            table = self.tables.get(operation.get("TableName"))
            if table is None or not table.range_key_attr:
                continue
            key = operation.get("Key") or operation.get("Item") or {}
            if table.hash_key_attr not in key or table.range_key_attr not in key:
                continue
            hash_key = DynamoType(key[table.hash_key_attr])
            range_key = DynamoType(key[table.range_key_attr])
            # A fresh copy: the table's items are packed (packed_items).
            saved.append((table, hash_key, range_key, table.get_item(hash_key, range_key)))
        try:
            return original(self, transact_items)
        except Exception:
            for table, hash_key, range_key, item in reversed(saved):
                if item is None:
                    table.items[hash_key].pop(range_key, None)
                else:
                    table.items[hash_key][range_key] = item
            raise

    models.DynamoDBBackend.transact_write_items = transact_write_items


def _attribute_values_as_they_are():
    """moto answers DynamoDB with item values written as they are stored.

    Its response serializer walked each AttributeValue against botocore's
    ten-member shape (~0.5 ms an item): a Scan page of 5,000 postings took
    ~2 s, and a Query of a common word's postings ~0.5 s. A value is already in
    DynamoDB's JSON form; only binary values need base64, as the serializer
    gives them.
    """
    from moto.core.serialize import BaseJSONSerializer

    from chalicelib.aws import binary_converted

    original = BaseJSONSerializer._serialize_type_structure

    def serialize_structure(self, serialized, value, shape, key):
        if shape.name == "AttributeValue" and isinstance(value, dict) and len(value) == 1:
            serialized[self.get_serialized_name(shape, key)] = binary_converted(
                value, self._base64)
            return
        original(self, serialized, value, shape, key)

    BaseJSONSerializer._serialize_type_structure = serialize_structure


_subscriptions = set()


class ObjectChanges:
    """The keys written or deleted in one bucket of this process's moto: S3 events, locally.

    Local mode's watcher takes them each round instead of listing the bucket,
    which took moto 2.8 s a round at 10,000 objects.
    """

    def __init__(self, bucket):
        scale_moto()  # what announces the changes
        self.bucket = bucket
        self._keys = set()
        self._lock = threading.Lock()
        _subscriptions.add(self)

    def note(self, bucket, key):
        if bucket == self.bucket:
            with self._lock:
                self._keys.add(key)

    def take(self):
        """The keys changed since the last ``take``, sorted."""
        with self._lock:
            keys, self._keys = self._keys, set()
        return sorted(keys)

    def close(self):
        _subscriptions.discard(self)


def _announce_object_changes():
    from moto.s3.models import S3Backend

    # Every write (PutObject, CopyObject, a completed multipart upload) and every
    # delete (DeleteObject, DeleteObjects) ends in one of these two.
    put, delete = S3Backend.put_object, S3Backend.delete_object

    def announce(bucket, key):
        for subscription in list(_subscriptions):
            subscription.note(bucket, key)

    def put_object(self, bucket_name, key_name, *args, **kwargs):
        written = put(self, bucket_name, key_name, *args, **kwargs)
        announce(bucket_name, key_name)
        return written

    def delete_object(self, bucket_name, key_name, *args, **kwargs):
        deleted = delete(self, bucket_name, key_name, *args, **kwargs)
        announce(bucket_name, key_name)
        return deleted

    S3Backend.put_object, S3Backend.delete_object = put_object, delete_object


SMALL_OBJECT = 64 * 1024  # larger objects keep moto's spooled file, which can go to disk


def _lean_s3_objects():
    """S3 objects without a private copy of the default ACL or a spooled-file wrapper."""
    from moto.s3 import models

    original_init = models.FakeKey.__init__
    private = models.get_canned_acl("private")  # moto replaces an object's ACL, never edits it

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self.acl = private
        if self.contentsize <= SMALL_OBJECT:
            spooled, self._value_buffer = self._value_buffer, io.BytesIO(self.value)
            spooled.close()

    models.FakeKey.__init__ = init


def scale_moto():
    """Apply the fixes above to moto in this process (once)."""
    global _done
    with _applied:
        if _done:
            return
        _transactions_copy_only_their_items()
        _query_one_partition()
        _stop_tracking()
        packed_items.install()
        _lean_s3_objects()
        _announce_object_changes()
        _attribute_values_as_they_are()
        _done = True


MALLOC_ARENAS = 2
M_ARENA_MAX = -8  # glibc's mallopt parameter


def _fewer_malloc_arenas():
    """Cap glibc's malloc arenas for this process; False where that is not glibc.

    The server answers each request on a thread of its own, and glibc gives
    threads arenas of their own, up to eight a core. Each arena keeps the
    memory freed in it, so a long load held about a third more memory than
    it used. Two arenas are plenty for a server this size.
    """
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return bool(libc.mallopt(M_ARENA_MAX, MALLOC_ARENAS))
    except (OSError, AttributeError):
        return False


def start_server(port=0):
    """Start a scaled moto server on loopback (``port`` 0: a free one): (server, endpoint)."""
    from moto.server import ThreadedMotoServer

    scale_moto()
    _fewer_malloc_arenas()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address=LOOPBACK, port=port or 0, verbose=False)
    server.start()
    _, bound = server.get_host_and_port()
    return server, f"http://{LOOPBACK}:{bound}"
