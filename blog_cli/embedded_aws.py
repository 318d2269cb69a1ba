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
  switched off for the DynamoDB and S3 models.
- ``Table.query`` sorts every item of the table on each Query; it is made to
  read only the queried partition, as DynamoDB does.

And one thing that makes it lean: moto holds every item as Python objects,
about 1 KiB for a 60-byte index posting, and most of that is copies of the
same short strings (attribute names, a post's key in each of its postings, a
word's key in every posting of it) and a second and third object for the key
values. ``scale_moto`` interns short top-level strings and numbers as items
are written and lets an item's key attributes share the key objects, which
saves about 40 % of the memory a blog takes.

``scale_moto()`` is idempotent and applies to moto in this process, both
``mock_aws`` and a server. ``start_server`` starts the embedded endpoint.
"""
import copy
import logging
import sys
import threading
import types

LOOPBACK = "127.0.0.1"
_applied = threading.Lock()
_done = False
_partition = threading.local()


class _Untracked(list):
    """A list that keeps nothing: moto's instance tracking, switched off."""

    def append(self, item):  # noqa: D102 - keeping nothing is the point
        pass


def _stop_tracking(services=("dynamodb", "s3")):
    from moto.core.model_instances import model_data

    for service in services:
        for model in model_data.get(service, {}).values():
            model.instances_tracked = _Untracked()


def _query_one_partition():
    from moto.dynamodb.models.table import Table

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

    Table.query, Table.all_items = query, all_items


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
                    table.items.setdefault(hash_key, {})[range_key] = item
            raise

    models.DynamoDBBackend.transact_write_items = transact_write_items


SHORT = 256  # longer strings are rarely repeated: interning them would only cost time


def _interned(attributes):
    """A copy of an item's top-level attributes with short strings and numbers interned."""
    lean = {}
    for name, typed in attributes.items():
        if len(typed) == 1:
            (kind, value), = typed.items()
            if kind in ("S", "N") and isinstance(value, str) and len(value) <= SHORT:
                typed = {kind: sys.intern(value)}
        lean[sys.intern(name)] = typed
    return lean


def _lean_items():
    from moto.dynamodb.models.dynamo_type import Item
    from moto.dynamodb.models.table import Table

    original_put, original_init = Table.put_item, Item.__init__

    def put_item(self, item_attrs, *args, **kwargs):
        return original_put(self, _interned(item_attrs), *args, **kwargs)

    def init(self, hash_key, range_key, attrs):
        original_init(self, hash_key, range_key, attrs)
        # The key attributes become the very objects moto keys the item by.
        for key in (hash_key, range_key):
            if key is None or key.type not in ("S", "N", "B"):
                continue
            for name, value in self.attrs.items():
                if value is not key and value.type == key.type and value.value == key.value:
                    dict.__setitem__(self.attrs, name, key)
                    break

    Table.put_item, Item.__init__ = put_item, init


def scale_moto():
    """Apply the fixes above to moto in this process (once)."""
    global _done
    with _applied:
        if _done:
            return
        _transactions_copy_only_their_items()
        _query_one_partition()
        _stop_tracking()
        _lean_items()
        _done = True


def start_server(port=0):
    """Start a scaled moto server on loopback (``port`` 0: a free one): (server, endpoint)."""
    from moto.server import ThreadedMotoServer

    scale_moto()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address=LOOPBACK, port=port or 0, verbose=False)
    server.start()
    _, bound = server.get_host_and_port()
    return server, f"http://{LOOPBACK}:{bound}"
