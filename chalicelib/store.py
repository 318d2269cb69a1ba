"""The content bucket: Markdown sources under posts/ and pages/."""
from dataclasses import dataclass
from datetime import datetime

from chalicelib.aws import error_code, storage_errors

CONTENT_PREFIXES = ("posts/", "pages/")
MISSING_CODES = {"NoSuchKey", "404", "NotFound"}


@dataclass(frozen=True)
class SourceObject:
    """One object's bytes and the facts the index keeps about it."""

    key: str
    data: bytes
    etag: str
    last_modified: datetime


def read_object(s3_client, bucket, key):
    """(GetObject response, all its bytes), or None when the object does not exist."""
    from botocore.exceptions import ClientError

    with storage_errors(f"S3 get {key}"):
        try:
            response = s3_client.get_object(Bucket=bucket, Key=key)
            return response, response["Body"].read()
        except ClientError as error:
            if error_code(error) in MISSING_CODES:
                return None
            raise


class ContentStore:
    """Reads and writes the sources in the blog's S3 bucket."""

    def __init__(self, s3_client, bucket):
        self.client = s3_client
        self.bucket = bucket

    def get(self, key):
        """The object's current bytes, or None when it does not exist."""
        found = read_object(self.client, self.bucket, key)
        if found is None:
            return None
        response, data = found
        return SourceObject(key=key, data=data, etag=response.get("ETag", "").strip('"'),
                            last_modified=response["LastModified"])

    def etag(self, key):
        """The object's current ETag (a HEAD request), or None when it does not exist."""
        from botocore.exceptions import ClientError

        with storage_errors(f"S3 head {key}"):
            try:
                response = self.client.head_object(Bucket=self.bucket, Key=key)
            except ClientError as error:
                if error_code(error) in MISSING_CODES:
                    return None
                raise
        return response.get("ETag", "").strip('"')

    def put(self, key, data):
        """Upload ``data`` as ``key`` (Markdown, UTF-8); its ETag."""
        with storage_errors(f"S3 put {key}"):
            response = self.client.put_object(Bucket=self.bucket, Key=key, Body=data,
                                              ContentType="text/markdown; charset=utf-8")
        return response.get("ETag", "").strip('"')

    def delete(self, key):
        """Remove ``key``; removing a missing key is not an error."""
        with storage_errors(f"S3 delete {key}"):
            self.client.delete_object(Bucket=self.bucket, Key=key)

    def keys(self):
        """Every key under the content prefixes (used by reindex, never by pages)."""
        found = []
        paginator = self.client.get_paginator("list_objects_v2")
        for prefix in CONTENT_PREFIXES:
            with storage_errors(f"S3 list {prefix}"):
                for page in paginator.paginate(Bucket=self.bucket, Prefix=prefix):
                    found.extend(item["Key"] for item in page.get("Contents", []))
        return found
