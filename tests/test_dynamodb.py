"""chalicelib.dynamodb's own value codec: what boto3 would store, read back unchanged.

The page path talks to botocore directly (importing boto3 costs every cold
start about 30 ms), so the typed form of values is written in dynamodb.py.
These tests hold it to boto3's TypeSerializer and to a round trip through
moto's DynamoDB.
"""
from decimal import Decimal

import pytest
from boto3.dynamodb.types import TypeSerializer
from moto import mock_aws

from chalicelib import aws
from chalicelib.dynamodb import Table, create_table, decode_value, encode_value

VALUES = {
    "text": "Ünïcode — post",
    "empty": "",
    "whole": 42,
    "negative": -7,
    "decimal": Decimal("3.25"),
    "huge": 10 ** 30,
    "yes": True,
    "no": False,
    "nothing": None,
    "raw": b"\x00\xffzlib",
    "list": [1, "two", [3], {"four": 4}],
    "map": {"nested": {"deeper": ["a", 1, None, True]}},
    "words": {"b", "a"},
    "numbers": {1, 2, 3},
}


@pytest.mark.parametrize("name", sorted(VALUES))
def test_values_are_typed_as_boto3_types_them(name):
    value = VALUES[name]
    expected = TypeSerializer().serialize(value)
    found = encode_value(value)
    if "SS" in expected or "NS" in expected:  # sets: the order is not part of the value
        (kind, items), = expected.items()
        assert found.keys() == expected.keys() and sorted(found[kind]) == sorted(items)
    else:
        assert found == expected


def test_floats_are_stored_as_numbers_and_nan_is_refused():
    assert encode_value(0.5) == {"N": "0.5"}
    assert decode_value(encode_value(0.5)) == 0.5
    with pytest.raises(TypeError):
        encode_value(float("nan"))
    with pytest.raises(TypeError):
        encode_value(object())


def test_an_item_reads_back_as_it_was_written(monkeypatch):
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    aws.reset_clients()
    with mock_aws():
        client = aws.client("dynamodb")
        create_table(client, "codec")
        table = Table(client, "codec")
        item = {"pk": "P", "sk": "S", **VALUES}
        table.put(item)
        found = table.get({"pk": "P", "sk": "S"})
    aws.reset_clients()
    expected = {key: value for key, value in item.items() if value is not None}
    expected["decimal"] = 3.25  # numbers come back as int when whole, else float
    assert found == expected


def test_items_are_read_as_botocores_own_parser_reads_them():
    import base64
    import json

    from botocore.parsers import create_parser
    from botocore.session import get_session

    shape = get_session().get_service_model("dynamodb").operation_model("Query").output_shape
    blob = base64.b64encode(b"\x00\xffzlib").decode()
    items = [{"pk": {"S": "P"}, "n": {"N": "3.25"}, "b": {"B": blob}, "bs": {"BS": [blob]},
              "yes": {"BOOL": True}, "none": {"NULL": True}, "ss": {"SS": ["a", "b"]},
              "ns": {"NS": ["1", "2"]},
              "l": {"L": [{"S": "x"}, {"M": {"deep": {"B": blob}, "n": {"N": "1"}}}]},
              "m": {"M": {"list": {"L": [{"B": blob}, {"NULL": True}]}}}},
             {"pk": {"S": "Q"}, "w": {"N": "0.5"}}]
    body = json.dumps({"Items": items, "Count": 2, "ScannedCount": 2,
                       "LastEvaluatedKey": {"pk": {"S": "Q"}}}).encode()
    response = {"body": body, "headers": {}, "status_code": 200}
    ours = aws._parser_factory().create_parser("json").parse(dict(response), shape)
    theirs = create_parser("json").parse(dict(response), shape)
    assert ours == theirs
    assert ours["Items"][0]["b"] == {"B": b"\x00\xffzlib"}
