"""The deployment's environment: where the blog's data lives, read at call time.

Chalice's test client patches ``os.environ`` only while a request runs, so the
environment is read at call time, never at import time.
"""
import os
from dataclasses import dataclass

DEFAULT_CACHE_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class Environment:
    """Where the blog's data lives, as the deployment stage says."""

    bucket: str
    table: str
    page_cache_bytes: int = DEFAULT_CACHE_BYTES


class ConfigurationError(RuntimeError):
    """The deployment is missing a setting it cannot run without."""


def environment_key():
    """What names the storage pages read (the table), to notice a change cheaply.

    Pages never touch the bucket, and one lookup is all a warm request can spare.
    """
    return os.environ.get("BLOG_TABLE")


def current_environment():
    """Read BLOG_BUCKET, BLOG_TABLE and BLOG_PAGE_CACHE_BYTES now."""
    bucket = os.environ.get("BLOG_BUCKET", "")
    table = os.environ.get("BLOG_TABLE", "")
    if not bucket or not table:
        raise ConfigurationError("BLOG_BUCKET and BLOG_TABLE must be set")
    try:
        cache_bytes = int(os.environ.get("BLOG_PAGE_CACHE_BYTES", DEFAULT_CACHE_BYTES))
    except ValueError:
        cache_bytes = DEFAULT_CACHE_BYTES
    return Environment(bucket=bucket, table=table, page_cache_bytes=cache_bytes)
