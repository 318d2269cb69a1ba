"""Wiring for the writers (event handler, CLI, local mode): store, index, settings."""
from dataclasses import dataclass

from chalicelib import aws
from chalicelib.config import current_environment
from chalicelib.index import PostIndex
from chalicelib.indexer import sync_key
from chalicelib.site import SiteConfig
from chalicelib.store import ContentStore


@dataclass
class Services:
    """The content store and the index of one environment."""

    store: ContentStore
    index: PostIndex

    def site_config(self):
        """The stored site configuration (defaults if none was pushed)."""
        return SiteConfig.from_json(self.index.site_state()["config"])

    def sync(self, key, force=False):
        """Index one key's current state."""
        return sync_key(key, self.store, self.index, self.site_config().settings, force=force)


def services(environment=None):
    """Services for the current (or given) environment, with shared clients."""
    environment = environment or current_environment()
    return Services(store=ContentStore(aws.client("s3"), environment.bucket),
                    index=PostIndex(aws.client("dynamodb"), environment.table))


_handler_services = {}


def index_key(key):
    """What the S3 event handler runs for one key (services kept per warm instance)."""
    environment = current_environment()
    found = _handler_services.get(environment)
    if found is None or found.index._db is not aws.client("dynamodb"):
        found = _handler_services[environment] = services(environment)
    return found.sync(key)
