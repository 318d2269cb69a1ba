"""Media objects in the content bucket: read for readers, variants written by the handler.

The page function only reads (``fetch``, ``presigned_url``); the S3 handler
also writes and removes variants, and only under ``media/_v/``: every writing
method refuses any other key, so a bug can never overwrite an author's file.
"""
from dataclasses import dataclass

from chalicelib.aws import error_code, storage_errors
from chalicelib.media import VARIANT_PREFIX, is_variant_key, variant_folder
from chalicelib.store import MISSING_CODES, read_object

NOT_MODIFIED_CODES = {"304", "NotModified"}
# API Gateway and Lambda answer at most 6 MB, and base64 adds a third.
MAX_INLINE_BYTES = 4_500_000
VARIANT_CACHE_CONTROL = "public, max-age=31536000, immutable"
PRESIGNED_SECONDS = 300


@dataclass(frozen=True)
class MediaObject:
    """One media object as read for a reader: ``data`` is None when it is too big to inline."""

    key: str
    etag: str
    size: int
    data: bytes | None
    not_modified: bool = False


class MediaStore:
    """Reads media objects and writes their variants in the blog's bucket."""

    def __init__(self, s3_client, bucket):
        self._s3 = s3_client
        self.bucket = bucket

    def fetch(self, key, if_none_match=None):
        """The object for a reader, or None when it does not exist.

        With ``if_none_match`` S3 itself answers "not modified" and sends no
        bytes; an object over MAX_INLINE_BYTES is left unread (the reader
        gets a presigned URL instead).
        """
        from botocore.exceptions import ClientError

        options = {"IfNoneMatch": if_none_match} if if_none_match else {}
        with storage_errors(f"S3 get {key}"):
            try:
                response = self._s3.get_object(Bucket=self.bucket, Key=key, **options)
            except ClientError as error:
                if error_code(error) in MISSING_CODES:
                    return None
                if error_code(error) in NOT_MODIFIED_CODES:
                    return MediaObject(key=key, etag=if_none_match.strip('"'), size=0,
                                       data=None, not_modified=True)
                raise
            size = response.get("ContentLength", 0)
            body = response["Body"]
            try:
                data = body.read() if size <= MAX_INLINE_BYTES else None
            finally:
                body.close()
        return MediaObject(key=key, etag=response.get("ETag", "").strip('"'), size=size,
                           data=data)

    def fetch_whole(self, key):
        """The object with all its bytes, however big (the handler's read), or None."""
        found = read_object(self._s3, self.bucket, key)
        if found is None:
            return None
        response, data = found
        return MediaObject(key=key, etag=response.get("ETag", "").strip('"'), size=len(data),
                           data=data)

    def presigned_url(self, key, seconds=PRESIGNED_SECONDS):
        """A short-lived URL that lets the reader fetch ``key`` from S3 itself."""
        with storage_errors(f"S3 presign {key}"):
            return self._s3.generate_presigned_url(
                "get_object", Params={"Bucket": self.bucket, "Key": key}, ExpiresIn=seconds)

    def put_original(self, key, data):
        """Upload an author's media file with its allowed type (the CLI's write)."""
        from chalicelib.media import content_type

        self._call("put", key, lambda: self._s3.put_object(
            Bucket=self.bucket, Key=key, Body=data,
            ContentType=content_type(key) or "application/octet-stream"))

    def put_variant(self, variant):
        """Store one variant, typed and cacheable for a year (its name changes with the image)."""
        _only_variants(variant.key)
        self._call("put", variant.key, lambda: self._s3.put_object(
            Bucket=self.bucket, Key=variant.key, Body=variant.data,
            ContentType=variant.content_type, CacheControl=VARIANT_CACHE_CONTROL))

    def variant_keys(self, key):
        """The keys of every stored variant of the original ``key``."""
        folder = variant_folder(key)
        paginator = self._s3.get_paginator("list_objects_v2")
        # The delimiter keeps out the variants of `key/other.jpg`, whose folder
        # lies inside this one.
        pages = self._call("list", folder, lambda: list(paginator.paginate(
            Bucket=self.bucket, Prefix=folder, Delimiter="/")))
        return [item["Key"] for page in pages for item in page.get("Contents", [])]

    def delete_variants(self, keys):
        """Remove the given variant keys (at most 1000 per call to S3)."""
        keys = list(keys)
        for key in keys:
            _only_variants(key)
        for start in range(0, len(keys), 1000):
            batch = [{"Key": key} for key in keys[start:start + 1000]]
            self._call("delete", batch[0]["Key"], lambda batch=batch: self._s3.delete_objects(
                Bucket=self.bucket, Delete={"Objects": batch, "Quiet": True}))

    def _call(self, verb, key, action):
        with storage_errors(f"S3 {verb} {key}"):
            return action()


def _only_variants(key):
    if not is_variant_key(key):
        raise ValueError(f"the media handler writes only under {VARIANT_PREFIX}, not {key}")
