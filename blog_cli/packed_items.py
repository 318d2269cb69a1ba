"""moto's DynamoDB items kept packed: one bytes object an item, not a tree of objects.

moto 5.2.5 holds every item as an ``Item`` whose attributes are ``DynamoType``
objects, one per value and one per nested value, each with its own dict. A
60-byte search posting took about 1 KiB that way, and a post's head, with its
map of ~75 term weights, 22 KiB for 2.5 KB of data. Local mode at 10,000 posts
held a gigabyte.

Here each partition of a table with a sort key is a ``Partition``: a mapping
from the sort key to the item's other attributes, marshalled to bytes, and
compressed when that makes them a fifth smaller (listing entries, heads and
search blocks; not the smallest items). A string sort key is interned, so the
items that share one (a post's old postings, a fold's blocks) hold it once.
Reading an item builds a fresh ``Item`` (about 5 µs for a small one), which
moto then reads and filters as before; a Query or a Scan page unpacks only
the items it returns (``Partition.select``).

Because a read gives a fresh ``Item``, changing it changes nothing stored.
moto's ``update_item`` is the one place that changes an ``Item`` it read and
relies on that; ``install`` makes it store the changed item again. Writes that
fail half way (an item grown past 400 KB) therefore leave the stored item as it
was, as DynamoDB does, where moto kept the half-made change.

Tables without a sort key keep moto's own layout; the blog's table has one.
"""
import bisect
import marshal
import pickle
import sys
import zlib
from collections.abc import MutableMapping

SHORT = 256  # longer sort keys are rarely shared: interning them would only cost time
# Markers before the bytes; marshal's output never starts with either.
PICKLED = b"\x00"
COMPRESSED = b"\x01"
COMPRESS_FROM = 256  # bytes: smaller items (most postings) do not shrink


def _to_bytes(rest):
    try:
        packed = marshal.dumps(rest)
    except ValueError:  # a value of a type marshal does not know (moto keeps builtins)
        packed = PICKLED + pickle.dumps(rest, protocol=pickle.HIGHEST_PROTOCOL)
    if len(packed) >= COMPRESS_FROM:
        smaller = zlib.compress(packed, 1)  # the fastest level still halves a listing entry
        if len(smaller) < len(packed) * 0.8:
            return COMPRESSED + smaller
    return packed


def _from_bytes(packed):
    if packed[:1] == COMPRESSED:
        packed = zlib.decompress(packed[1:])
    if packed[:1] == PICKLED:
        return pickle.loads(packed[1:])
    return marshal.loads(packed)


def _encode(value):
    """A ``DynamoType`` as a tree of builtins that ``marshal`` takes."""
    kind = value.type
    if kind == "M":
        return kind, {name: _encode(inner) for name, inner in value.value.items()}
    if kind == "L":
        return kind, [_encode(inner) for inner in value.value]
    return kind, value.value


def _decoder():
    from moto.dynamodb.models.dynamo_type import DynamoType

    new = DynamoType.__new__

    def decode(encoded):
        kind, value = encoded
        typed = new(DynamoType)
        typed.type = kind
        if kind == "M":
            value = {name: decode(inner) for name, inner in value.items()}
        elif kind == "L":
            value = [decode(inner) for inner in value]
        typed.value = value
        return typed

    return decode


def _lazy_item_class():
    from moto.dynamodb.models.dynamo_type import Item

    class LazyItem(Item):
        """An item whose attributes are unpacked when first read.

        A Query sorts and pages on the sort key alone, so the items after its
        Limit are never unpacked.
        """

        def __init__(self, table, hash_key, range_key, packed):  # noqa: D107
            self.hash_key, self.range_key = hash_key, range_key
            self._packed, self._table, self._attrs = packed, table, None

        @property
        def attrs(self):
            if self._attrs is None:
                self._attrs = self._table.unpack(self.hash_key, self.range_key,
                                                 self._packed).attrs
            return self._attrs

        @attrs.setter
        def attrs(self, value):
            self._attrs = value

    return LazyItem


class Partitions(dict):
    """A table's items by partition key, for tables with a sort key."""

    __slots__ = ("hash_name", "range_name", "decode", "item_class", "attrs_class",
                 "typed_class", "lazy_class", "_order")

    def __init__(self, hash_name, range_name):
        from moto.dynamodb.models.dynamo_type import DynamoType, Item, LimitedSizeDict

        super().__init__()
        self.hash_name, self.range_name = hash_name, range_name
        self.decode = _decoder()
        self.item_class, self.attrs_class, self.typed_class = Item, LimitedSizeDict, DynamoType
        self.lazy_class = _lazy_item_class()
        self._order = None  # the partition keys, sorted; None once one joins or leaves

    def __setitem__(self, hash_key, partition):
        self._order = None
        super().__setitem__(hash_key, partition)

    def __delitem__(self, hash_key):
        self._order = None
        super().__delitem__(hash_key)

    def scan_from(self, after=None):
        """Every item in (partition key, sort key) order, unpacked lazily, after the
        exclusive start key ``after`` ((partition key, sort key) as ``DynamoType``s).

        A generator: a Scan page stops it at its 1 MB, so a page costs the same
        on the first page of a 10,000-post table as on the last.
        """
        if self._order is None:
            self._order = sorted(dict.keys(self))
        order = self._order
        first = bisect.bisect_left(order, after[0]) if after else 0
        for hash_key in order[first:]:
            partition = dict.get(self, hash_key)
            if partition is None:
                continue
            if after and hash_key == after[0]:
                yield from partition.select(after=after[1])
            else:
                yield from partition.select()

    def __missing__(self, hash_key):
        # A partition joins the table on its first item, so a read of a
        # missing key (any unknown URL) leaves nothing behind, unlike a defaultdict.
        return Partition(self, hash_key)

    def pack(self, item):
        """The item's attributes other than its keys, as bytes."""
        keys = (self.hash_name, self.range_name)
        return _to_bytes(tuple((name, _encode(value)) for name, value in item.attrs.items()
                               if name not in keys))

    def unpack(self, hash_key, range_key, packed):
        """A fresh ``Item`` from what ``pack`` made."""
        item = self.item_class.__new__(self.item_class)
        item.hash_key, item.range_key = hash_key, range_key
        attrs = self.attrs_class.__new__(self.attrs_class)
        dict.__init__(attrs)
        # No size check: the item passed it when it was written.
        dict.__setitem__(attrs, self.hash_name, hash_key)
        dict.__setitem__(attrs, self.range_name, range_key)
        decode = self.decode
        for name, encoded in _from_bytes(packed):
            dict.__setitem__(attrs, name, decode(encoded))
        item.attrs = attrs
        return item


class Partition(MutableMapping):
    """One partition's items by sort key (``DynamoType``), each stored packed."""

    __slots__ = ("_table", "_hash_key", "_items")

    def __init__(self, table, hash_key):
        self._table, self._hash_key, self._items = table, hash_key, {}

    @staticmethod
    def _slot(range_key, stored=False):
        if range_key.type == "S" and isinstance(range_key.value, str):
            value = range_key.value
            return sys.intern(value) if stored and len(value) <= SHORT else value
        return range_key

    def _range_key(self, slot):
        if isinstance(slot, str):
            typed = self._table.typed_class.__new__(self._table.typed_class)
            typed.type, typed.value = "S", slot
            return typed
        return slot

    def _item(self, slot, packed):
        return self._table.unpack(self._hash_key, self._range_key(slot), packed)

    def __getitem__(self, range_key):
        slot = self._slot(range_key)
        return self._item(slot, self._items[slot])

    def __setitem__(self, range_key, item):
        self._join()[self._slot(range_key, stored=True)] = self._table.pack(item)

    def _join(self):
        """This partition's items as the table holds them, joining the table if need be."""
        home = dict.get(self._table, self._hash_key)
        if home is None:
            self._table[self._hash_key] = self
        elif home is not self:  # emptied and dropped while a caller held it, then re-made
            home._items.update(self._items)
            self._items = home._items
        return self._items

    def __delitem__(self, range_key):
        del self._items[self._slot(range_key)]
        if not self._items and dict.get(self._table, self._hash_key) is self:
            del self._table[self._hash_key]

    def __iter__(self):
        return (self._range_key(slot) for slot in list(self._items))

    def __len__(self):
        return len(self._items)

    def values(self):
        return [self._item(slot, packed) for slot, packed in list(self._items.items())]

    def select(self, comparison=None, operands=(), after=None, forward=True):
        """What a Query of this partition may return, in sort key order, unpacked lazily.

        Only the items whose sort key meets the key condition (``comparison``
        on ``operands``, moto's own test) and that lie beyond the exclusive
        start key ``after`` (a ``DynamoType``) in the query's direction.
        """
        chosen = []
        for slot, packed in list(self._items.items()):
            range_key = self._range_key(slot)
            if comparison and not range_key.compare(comparison, operands):
                continue
            if after is not None and (range_key <= after if forward else range_key >= after):
                continue
            chosen.append(self._table.lazy_class(self._table, self._hash_key, range_key,
                                                 packed))
        chosen.sort(key=lambda item: item.range_key)
        return chosen

    def items(self):
        return [(item.range_key, item) for item in self.values()]


def install():
    """Make moto keep the items of every table with a sort key packed (see above)."""
    from moto.dynamodb.models import DynamoDBBackend
    from moto.dynamodb.models.table import Table

    original_init, original_update = Table.__init__, DynamoDBBackend.update_item

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        if self.range_key_attr:
            self.items = Partitions(self.hash_key_attr, self.range_key_attr)

    def update_item(self, table_name, *args, **kwargs):
        item = original_update(self, table_name, *args, **kwargs)
        table = self.get_table(table_name)
        if item is not None and isinstance(table.items, Partitions):
            table.items[item.hash_key][item.range_key] = item  # moto changed a fresh copy
        return item

    Table.__init__, DynamoDBBackend.update_item = init, update_item
