"""DynamoDB access for one table: typed values, paging, batches, transactions.

The only module that calls the DynamoDB client. Every botocore failure leaves
it as ``StorageUnavailable``, and a transaction cancelled by a condition or a
concurrent writer as ``Conflict``, so callers never see botocore.
"""
import time
from decimal import Decimal

from chalicelib.aws import error_code, storage_errors
from chalicelib.errors import BlogError, StorageUnavailable

BATCH_WRITE = 25
BATCH_GET = 100
UNPROCESSED_RETRIES = 8


class Conflict(BlogError):
    """Another writer changed the same item first; read again and retry."""


def _number(text):
    number = Decimal(text)
    return int(number) if number == number.to_integral_value() else float(number)


def _set_of(values):
    kinds = {type(value) for value in values}
    if kinds <= {str}:
        return {"SS": sorted(values)}
    if kinds <= {bytes, bytearray}:
        return {"BS": [bytes(value) for value in values]}
    if kinds <= {int, float, Decimal} and bool not in kinds:
        return {"NS": [str(value) for value in values]}
    raise TypeError(f"a set DynamoDB cannot store: {kinds}")


def encode_value(value):
    """DynamoDB's typed form of one plain value (what boto3's TypeSerializer makes).

    Written here rather than imported from boto3.dynamodb.types: importing that
    imports all of boto3, about 30 ms of every cold start, for a dozen lines.
    """
    if value is None:
        return {"NULL": True}
    if isinstance(value, bool):
        return {"BOOL": value}
    if isinstance(value, str):
        return {"S": value}
    if isinstance(value, (int, Decimal)):
        return {"N": str(value)}
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise TypeError("DynamoDB stores no NaN or infinity")
        return {"N": repr(value)}
    if isinstance(value, (bytes, bytearray)):
        return {"B": bytes(value)}
    if isinstance(value, dict):
        return {"M": {str(key): encode_value(item) for key, item in value.items()}}
    if isinstance(value, (list, tuple)):
        return {"L": [encode_value(item) for item in value]}
    if isinstance(value, (set, frozenset)) and value:
        return _set_of(value)
    raise TypeError(f"DynamoDB cannot store {type(value).__name__}")


def decode_value(typed):
    """The plain value of one typed DynamoDB value (whole numbers as int)."""
    (kind, value), = typed.items()
    if kind == "S" or kind == "BOOL":
        return value
    if kind == "N":
        return _number(value)
    if kind == "M":
        return {key: decode_value(item) for key, item in value.items()}
    if kind == "L":
        return [decode_value(item) for item in value]
    if kind == "NULL":
        return None
    if kind == "B":
        return bytes(value)
    if kind == "SS":
        return set(value)
    if kind == "NS":
        return {_number(item) for item in value}
    if kind == "BS":
        return {bytes(item) for item in value}
    raise ValueError(f"unknown DynamoDB type {kind!r}")


def _projection(names):
    return {"ProjectionExpression": ", ".join(f"#p{i}" for i in range(len(names))),
            "ExpressionAttributeNames": {f"#p{i}": name for i, name in enumerate(names)}}


class Table:
    """One DynamoDB table through a low-level client, with plain Python values."""

    def __init__(self, client, name):
        self.client = client
        self.name = name

    @staticmethod
    def encode(item):
        """DynamoDB's typed form of a plain dict (None values are left out)."""
        return {key: encode_value(value) for key, value in item.items() if value is not None}

    encode_value = staticmethod(encode_value)

    @staticmethod
    def decode(item):
        """A plain dict of a typed item (whole numbers as int)."""
        return {key: decode_value(value) for key, value in item.items()}

    def _call(self, operation, **kwargs):
        with storage_errors(f"DynamoDB {operation}"):
            return getattr(self.client, operation)(TableName=self.name, **kwargs)

    def get(self, key, consistent=False):
        """The item at ``key``, or None."""
        response = self._call("get_item", Key=self.encode(key), ConsistentRead=consistent)
        return self.decode(response["Item"]) if "Item" in response else None

    def put(self, item):
        """Write ``item`` whole."""
        self._call("put_item", Item=self.encode(item))

    def delete(self, key):
        """Delete the item at ``key`` (absent is fine)."""
        self._call("delete_item", Key=self.encode(key))

    def put_if(self, item, condition, values=None):
        """Write ``item`` whole if ``condition`` holds; Conflict if it does not."""
        kwargs = {"Item": self.encode(item), "ConditionExpression": condition}
        if values:
            kwargs["ExpressionAttributeValues"] = values
        self._conditional("put_item", **kwargs)

    def update(self, key, expression, values=None, names=None, condition=None,
               return_old=False):
        """One UpdateItem with typed ``values``; Conflict if ``condition`` fails.

        With ``return_old``, the item as it was before (None if there was none).
        """
        kwargs = {"Key": self.encode(key), "UpdateExpression": expression}
        if values:
            kwargs["ExpressionAttributeValues"] = values
        if names:
            kwargs["ExpressionAttributeNames"] = names
        if condition:
            kwargs["ConditionExpression"] = condition
        if return_old:
            kwargs["ReturnValues"] = "ALL_OLD"
        response = self._conditional("update_item", **kwargs)
        if return_old:
            return self.decode(response["Attributes"]) if response.get("Attributes") else None
        return None

    def _conditional(self, operation, **kwargs):
        from botocore.exceptions import ClientError

        try:
            return self._call(operation, **kwargs)
        except StorageUnavailable as error:
            if isinstance(error.__cause__, ClientError) and \
                    error_code(error.__cause__) == "ConditionalCheckFailedException":
                raise Conflict("condition failed") from error.__cause__
            raise

    def query(self, pk, low=None, high=None, limit=None, newest_first=True,
              projection=None, start=None, consistent=False, decode=True):
        """One Query of partition ``pk``, sort keys in [low, high]: (items, next start)."""
        values = {":pk": {"S": pk}}
        condition = "pk = :pk"
        if low is not None and high is not None:
            condition += " AND sk BETWEEN :low AND :high"
            values.update({":low": {"S": low}, ":high": {"S": high}})
        elif low is not None:
            condition += " AND sk >= :low"
            values[":low"] = {"S": low}
        elif high is not None:
            condition += " AND sk <= :high"
            values[":high"] = {"S": high}
        kwargs = {"KeyConditionExpression": condition, "ExpressionAttributeValues": values,
                  "ScanIndexForward": not newest_first, "ConsistentRead": consistent}
        if limit:
            kwargs["Limit"] = limit
        if projection:
            kwargs.update(_projection(projection))
        if start:
            kwargs["ExclusiveStartKey"] = start
        response = self._call("query", **kwargs)
        items = response.get("Items", [])
        return ([self.decode(item) for item in items] if decode else items,
                response.get("LastEvaluatedKey"))

    def query_all(self, pk, **kwargs):
        """Every item of a Query, following its pages."""
        items, start = self.query(pk, **kwargs)
        while start:
            more, start = self.query(pk, start=start, **kwargs)
            items.extend(more)
        return items

    def write_batch(self, puts=(), deletes=()):
        """Put ``puts`` and delete the keys ``deletes``, 25 at a time, retrying leftovers."""
        requests = [{"PutRequest": {"Item": self.encode(item)}} for item in puts]
        requests += [{"DeleteRequest": {"Key": self.encode(key)}} for key in deletes]
        for offset in range(0, len(requests), BATCH_WRITE):
            pending = {self.name: requests[offset:offset + BATCH_WRITE]}
            for attempt in range(UNPROCESSED_RETRIES):
                with storage_errors("DynamoDB batch_write_item"):
                    response = self.client.batch_write_item(RequestItems=pending)
                pending = response.get("UnprocessedItems") or {}
                if not pending:
                    break
                time.sleep(min(0.05 * 2 ** attempt, 1.0))
            else:
                raise StorageUnavailable("DynamoDB kept items unprocessed")

    def get_batch(self, keys, projection=None, consistent=False):
        """The items at ``keys`` that exist, in no particular order."""
        found = []
        for offset in range(0, len(keys), BATCH_GET):
            request = {"Keys": [self.encode(key) for key in keys[offset:offset + BATCH_GET]]}
            if projection:
                request.update(_projection(projection))
            if consistent:
                request["ConsistentRead"] = True
            pending = {self.name: request}
            while pending:
                with storage_errors("DynamoDB batch_get_item"):
                    response = self.client.batch_get_item(RequestItems=pending)
                found.extend(self.decode(item)
                             for item in response.get("Responses", {}).get(self.name, []))
                pending = response.get("UnprocessedKeys") or {}
        return found

    # -- transactions ----------------------------------------------------------

    def _action(self, kind, body, condition, values):
        body["TableName"] = self.name
        if condition:
            body["ConditionExpression"] = condition
        if values:
            body["ExpressionAttributeValues"] = values
        return {kind: body}

    def put_action(self, item, condition=None, values=None):
        """A transaction action writing ``item``, if ``condition`` holds."""
        return self._action("Put", {"Item": self.encode(item)}, condition, values)

    def delete_action(self, key, condition=None, values=None):
        """A transaction action deleting ``key``, if ``condition`` holds."""
        return self._action("Delete", {"Key": self.encode(key)}, condition, values)

    def update_action(self, key, expression, values=None, names=None):
        """A transaction action updating ``key``."""
        update = {"TableName": self.name, "Key": self.encode(key),
                  "UpdateExpression": expression}
        if values:
            update["ExpressionAttributeValues"] = values
        if names:
            update["ExpressionAttributeNames"] = names
        return {"Update": update}

    def transact(self, actions):
        """Apply ``actions`` all or none; Conflict if a condition or a writer stopped it."""
        from botocore.exceptions import ClientError

        try:
            with storage_errors("DynamoDB transact_write_items"):
                self.client.transact_write_items(TransactItems=actions)
        except StorageUnavailable as error:
            cause = error.__cause__
            if isinstance(cause, ClientError) and \
                    error_code(cause) == "TransactionCanceledException":
                reasons = {reason.get("Code") for reason in
                           cause.response.get("CancellationReasons", []) or []}
                if reasons & {"ConditionalCheckFailed", "TransactionConflict"}:
                    raise Conflict(str(sorted(filter(None, reasons)))) from cause
            raise


def create_table(client, name):
    """Create the index table (on-demand); True if created, False if it existed."""
    from botocore.exceptions import ClientError

    try:
        client.create_table(
            TableName=name, BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                  {"AttributeName": "sk", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                       {"AttributeName": "sk", "KeyType": "RANGE"}])
    except ClientError as error:
        if error_code(error) == "ResourceInUseException":
            return False
        raise StorageUnavailable(f"DynamoDB create_table {name}: {error}") from error
    client.get_waiter("table_exists").wait(TableName=name)
    return True
