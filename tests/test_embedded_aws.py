"""The moto local mode and the tests run (blog_cli/embedded_aws.py) answers as DynamoDB does.

Its items are kept packed (blog_cli/packed_items.py): every read builds a
fresh item. These tests drive it through a real botocore client, as the blog
does, and check what a caller would see: values of every type come back
exactly, updates and transactions persist or roll back whole, and reads of
keys that do not exist leave nothing behind.
"""
import os

import pytest
from botocore.exceptions import ClientError
from moto import mock_aws

from chalicelib import aws
from chalicelib.dynamodb import create_table

TABLE = "packed"
EVERY_TYPE = {
    "pk": {"S": "P"},
    "sk": {"S": "2024-05-01T00:00:00Z#slug"},
    "text": {"S": "Ünïcode — post"},
    "empty": {"S": ""},
    "number": {"N": "-3.25"},
    "huge": {"N": "1000000000000000000000000000000"},
    "raw": {"B": b"\x00\xffzlib"},
    "yes": {"BOOL": True},
    "nothing": {"NULL": True},
    "words": {"SS": ["a", "b"]},
    "numbers": {"NS": ["1", "2.5"]},
    "blobs": {"BS": [b"\x01", b"\x02"]},
    "list": {"L": [{"N": "1"}, {"S": "two"}, {"L": [{"B": b"\x03"}]}, {"M": {}}]},
    "map": {"M": {"nested": {"M": {"deeper": {"L": [{"S": "a"}, {"NULL": True},
                                                     {"SS": ["x"]}]}}}}},
}
KEY = {"pk": EVERY_TYPE["pk"], "sk": EVERY_TYPE["sk"]}
LARGE = {  # kept compressed, and kept as they are where compression would not pay
    "text": {"summary": {"S": "A listing entry's summary, words that repeat. " * 40}},
    "noise": {"noise": {"B": os.urandom(4096)}},
}


@pytest.fixture
def dynamodb(aws_env):
    aws.reset_clients()
    with mock_aws():
        client = aws.client("dynamodb")
        create_table(client, TABLE)
        yield client
    aws.reset_clients()


def normal(item):
    """Sets compared as sets: DynamoDB does not keep their order."""
    def value(typed):
        (kind, inner), = typed.items()
        if kind in ("SS", "NS", "BS"):
            return kind, sorted(inner)
        if kind == "L":
            return kind, [value(each) for each in inner]
        if kind == "M":
            return kind, {name: value(each) for name, each in inner.items()}
        return kind, inner
    return {name: value(typed) for name, typed in item.items()}


def get(client, key=KEY):
    return client.get_item(TableName=TABLE, Key=key).get("Item")


@pytest.mark.parametrize("extra", [{}, LARGE["text"], LARGE["noise"]],
                         ids=["small", "text", "noise"])
def test_values_of_every_type_read_back_exactly_by_get_query_and_scan(dynamodb, extra):
    item = {**EVERY_TYPE, **extra}
    dynamodb.put_item(TableName=TABLE, Item=item)
    queried = dynamodb.query(TableName=TABLE, KeyConditionExpression="pk = :p",
                             ExpressionAttributeValues={":p": {"S": "P"}})["Items"]
    scanned = dynamodb.scan(TableName=TABLE)["Items"]
    for found in (get(dynamodb), queried[0], scanned[0]):
        assert normal(found) == normal(item)


def test_an_update_is_kept_and_returns_the_old_and_new_item(dynamodb):
    dynamodb.put_item(TableName=TABLE, Item=EVERY_TYPE)
    old = dynamodb.update_item(
        TableName=TABLE, Key=KEY, ReturnValues="ALL_OLD",
        UpdateExpression="SET #t = :t, #m.nested.added = :n ADD #n :one, words :w REMOVE yes",
        ExpressionAttributeNames={"#t": "text", "#n": "number", "#m": "map"},
        ExpressionAttributeValues={":t": {"S": "edited"}, ":n": {"N": "7"},
                                   ":one": {"N": "1"}, ":w": {"SS": ["c"]}})["Attributes"]
    assert normal(old) == normal(EVERY_TYPE)
    found = get(dynamodb)
    assert found["text"] == {"S": "edited"}
    assert found["number"] == {"N": "-2.25"}
    assert sorted(found["words"]["SS"]) == ["a", "b", "c"]
    assert "yes" not in found
    assert found["map"]["M"]["nested"]["M"]["added"] == {"N": "7"}
    new = dynamodb.update_item(TableName=TABLE, Key=KEY, ReturnValues="ALL_NEW",
                               UpdateExpression="SET #t = :t",
                               ExpressionAttributeNames={"#t": "text"},
                               ExpressionAttributeValues={":t": {"S": "again"}})["Attributes"]
    assert normal(new) == normal(get(dynamodb))
    assert new["text"] == {"S": "again"}


def test_an_update_of_a_missing_item_creates_it(dynamodb):
    key = {"pk": {"S": "NEW"}, "sk": {"S": "one"}}
    dynamodb.update_item(TableName=TABLE, Key=key, UpdateExpression="ADD hits :one",
                         ExpressionAttributeValues={":one": {"N": "1"}})
    dynamodb.update_item(TableName=TABLE, Key=key, UpdateExpression="ADD hits :one",
                         ExpressionAttributeValues={":one": {"N": "1"}})
    assert get(dynamodb, key) == {**key, "hits": {"N": "2"}}


def test_a_failed_condition_or_an_oversized_update_changes_nothing(dynamodb):
    dynamodb.put_item(TableName=TABLE, Item=EVERY_TYPE)
    with pytest.raises(ClientError, match="ConditionalCheckFailed"):
        dynamodb.update_item(TableName=TABLE, Key=KEY, UpdateExpression="SET #t = :t",
                             ConditionExpression="attribute_not_exists(pk)",
                             ExpressionAttributeNames={"#t": "text"},
                             ExpressionAttributeValues={":t": {"S": "lost"}})
    with pytest.raises(ClientError):
        dynamodb.update_item(TableName=TABLE, Key=KEY, UpdateExpression="SET #t = :t, big = :b",
                             ExpressionAttributeNames={"#t": "text"},
                             ExpressionAttributeValues={":t": {"S": "lost"},
                                                        ":b": {"S": "x" * 410_000}})
    assert normal(get(dynamodb)) == normal(EVERY_TYPE)


def test_a_cancelled_transaction_leaves_every_item_as_it_was(dynamodb):
    dynamodb.put_item(TableName=TABLE, Item=EVERY_TYPE)
    fresh = {"pk": {"S": "P"}, "sk": {"S": "fresh"}}
    with pytest.raises(ClientError, match="TransactionCanceled"):
        dynamodb.transact_write_items(TransactItems=[
            {"Put": {"TableName": TABLE, "Item": {**fresh, "n": {"N": "1"}}}},
            {"Update": {"TableName": TABLE, "Key": KEY, "UpdateExpression": "SET #t = :t",
                        "ExpressionAttributeNames": {"#t": "text"},
                        "ExpressionAttributeValues": {":t": {"S": "lost"}}}},
            {"ConditionCheck": {"TableName": TABLE, "Key": {"pk": {"S": "NONE"},
                                                            "sk": {"S": "none"}},
                                "ConditionExpression": "attribute_exists(pk)"}},
        ])
    assert normal(get(dynamodb)) == normal(EVERY_TYPE)
    assert get(dynamodb, fresh) is None
    dynamodb.transact_write_items(TransactItems=[
        {"Put": {"TableName": TABLE, "Item": {**fresh, "n": {"N": "1"}}}},
        {"Update": {"TableName": TABLE, "Key": KEY, "UpdateExpression": "SET #t = :t",
                    "ExpressionAttributeNames": {"#t": "text"},
                    "ExpressionAttributeValues": {":t": {"S": "kept"}}}},
    ])
    assert get(dynamodb)["text"] == {"S": "kept"}
    assert get(dynamodb, fresh)["n"] == {"N": "1"}


def test_reads_of_missing_keys_leave_nothing_behind(dynamodb):
    from moto.dynamodb.models import dynamodb_backends

    dynamodb.put_item(TableName=TABLE, Item=EVERY_TYPE)
    table = dynamodb_backends["123456789012"]["us-east-1"].tables[TABLE]
    partitions = len(table.items)
    for number in range(50):  # what a crawler probing unknown URLs does
        assert get(dynamodb, {"pk": {"S": f"POST#{number}"}, "sk": {"S": "x"}}) is None
        dynamodb.query(TableName=TABLE, KeyConditionExpression="pk = :p",
                       ExpressionAttributeValues={":p": {"S": f"TERM#{number}"}})
    assert len(table.items) == partitions
    dynamodb.delete_item(TableName=TABLE, Key=KEY)
    assert len(table.items) == partitions - 1, "an emptied partition goes too"
    assert dynamodb.scan(TableName=TABLE)["Items"] == []


def test_query_reads_one_partition_in_sort_key_order(dynamodb):
    for sk in ("b", "c", "a"):
        for pk in ("ONE", "TWO"):
            dynamodb.put_item(TableName=TABLE, Item={"pk": {"S": pk}, "sk": {"S": sk}})
    found = dynamodb.query(TableName=TABLE, KeyConditionExpression="pk = :p",
                           ExpressionAttributeValues={":p": {"S": "TWO"}},
                           ScanIndexForward=False)["Items"]
    assert [(item["pk"]["S"], item["sk"]["S"]) for item in found] == [
        ("TWO", "c"), ("TWO", "b"), ("TWO", "a")]
    assert dynamodb.describe_table(TableName=TABLE)["Table"]["ItemCount"] == 6


def test_a_scan_pages_through_every_item_once_in_key_order(dynamodb):
    written = [(f"P{number % 7}", f"{number:04d}") for number in range(300)]
    big = "x" * 9000  # ~1 MB of items: moto pages at 1 MB
    for pk, sk in written:
        dynamodb.put_item(TableName=TABLE, Item={"pk": {"S": pk}, "sk": {"S": sk},
                                                 "body": {"S": big}})
    seen, pages, start = [], 0, {}
    while True:
        page = dynamodb.scan(TableName=TABLE, Limit=70, **start)
        seen += [(item["pk"]["S"], item["sk"]["S"]) for item in page["Items"]]
        assert all(item["body"]["S"] == big for item in page["Items"])
        pages += 1
        if "LastEvaluatedKey" not in page:
            break
        start = {"ExclusiveStartKey": page["LastEvaluatedKey"]}
    assert seen == sorted(written)
    assert pages >= 5
