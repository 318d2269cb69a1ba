"""The content bucket: Markdown sources under posts/ and pages/."""
from dataclasses import dataclass
from datetime import datetime

from chalicelib.errors import StorageUnavailable

CONTENT_PREFIXES = ("posts/", "pages/")
MISSING_CODES = {"NoSuchKey", "404", "NotFound"}


@dataclass(frozen=True)
class SourceObject:
    """One object's bytes and the facts the index keeps about it."""

    key: str
    data: bytes
    etag: str
    last_modified: datetime


class ContentStore:
    """Reads and writes the sources in the blog's S3 bucket."""

    def __init__(self, s3_client, bucket):
        self._s3 = s3_client
        self.bucket = bucket

    def get(self, key):
        """The object's current bytes, or None when it does not exist."""
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            response = self._s3.get_object(Bucket=self.bucket, Key=key)
            data = response["Body"].read()
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in MISSING_CODES:
                return None
            raise StorageUnavailable(f"S3 get {key}: {error}") from error
        except BotoCoreError as error:
            raise StorageUnavailable(f"S3 get {key}: {error}") from error
        return SourceObject(key=key, data=data, etag=response.get("ETag", "").strip('"'),
                            last_modified=response["LastModified"])

    def put(self, key, data):
        """Upload ``data`` as ``key`` (Markdown, UTF-8)."""
        self._call("put", key, lambda: self._s3.put_object(
            Bucket=self.bucket, Key=key, Body=data,
            ContentType="text/markdown; charset=utf-8"))

    def delete(self, key):
        """Remove ``key``; removing a missing key is not an error."""
        self._call("delete", key, lambda: self._s3.delete_object(Bucket=self.bucket, Key=key))

    def keys(self):
        """Every key under the content prefixes (used by reindex, never by pages)."""
        found = []
        for prefix in CONTENT_PREFIXES:
            paginator = self._s3.get_paginator("list_objects_v2")
            pages = self._call("list", prefix, lambda p=prefix: list(
                paginator.paginate(Bucket=self.bucket, Prefix=p)))
            for page in pages:
                found.extend(item["Key"] for item in page.get("Contents", []))
        return found

    def _call(self, verb, key, action):
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return action()
        except (ClientError, BotoCoreError) as error:
            raise StorageUnavailable(f"S3 {verb} {key}: {error}") from error
