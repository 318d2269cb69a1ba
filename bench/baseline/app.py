"""The baseline: a one-route Chalice app that imports boto3 and makes one GetItem.

It stands for the least a Lambda page can do: fetch one stored page body from
DynamoDB on the first request, keep it in memory, and return the same bytes
on every later request.
"""
import os

import boto3
from chalice import Chalice, Response

app = Chalice(app_name="bench-baseline")
_client = None
_pages = {}


def _dynamodb():
    global _client
    if _client is None:
        _client = boto3.client("dynamodb")
    return _client


@app.route("/posts/{slug}")
def post(slug):
    body = _pages.get(slug)
    if body is None:
        item = _dynamodb().get_item(TableName=os.environ["BLOG_TABLE"],
                                    Key={"pk": {"S": "BASELINE"}, "sk": {"S": slug}})
        body = _pages[slug] = item["Item"]["body"]["S"]
    return Response(body=body, status_code=200,
                    headers={"Content-Type": "text/html; charset=utf-8"})
