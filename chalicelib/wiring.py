"""The one place that builds the blog's services from the environment.

``app.py``, the S3 event handler, the ``blog`` command, local mode, the tests
and the bench all get their store, index and per-instance page state here,
and ``reset()`` forgets every per-instance cache at once (clients included).
"""
from dataclasses import dataclass

from chalicelib import aws
from chalicelib.config import current_environment, environment_key
from chalicelib.index import PostIndex
from chalicelib.media import MEDIA_PREFIX
from chalicelib.media_store import MediaStore
from chalicelib.site import SiteConfig
from chalicelib.store import ContentStore


@dataclass
class Services:
    """The content store and the index of one environment."""

    store: ContentStore
    index: PostIndex
    media: MediaStore

    def site_config(self):
        """The stored site configuration (defaults if none was pushed)."""
        return SiteConfig.from_json(self.index.site_state()["config"])

    def sync(self, key, force=False, refresh_sidebar=True, settings=None):
        """Index one key's current state: a post, a page or a media object.

        ``settings``: the stored ones unless given.
        """
        if key.startswith(MEDIA_PREFIX):
            from chalicelib.media_sync import sync_media

            return sync_media(key, self.media, self.index,
                              lambda source_key: self.sync(source_key, force=True), force=force)
        from chalicelib.sync import sync_key  # Markdown and YAML: never on a page's path

        settings = settings or self.site_config().settings
        return sync_key(key, self.store, self.index, settings, force=force,
                        refresh_sidebar=refresh_sidebar)


def services_for(bucket, table, private_clients=False):
    """Services on ``bucket`` and ``table``.

    They share the instance's clients, unless ``private_clients``: then
    ``reset()`` can never swap their clients mid-sync (local mode's watcher).
    """
    if private_clients:
        s3, dynamodb = aws.new_client("s3"), aws.new_client("dynamodb")
    else:
        s3, dynamodb = aws.client("s3"), aws.client("dynamodb")
    return Services(store=ContentStore(s3, bucket), index=PostIndex.on(dynamodb, table),
                    media=MediaStore(s3, bucket))


def services(environment=None, private_clients=False):
    """Services for the current (or given) environment."""
    environment = environment or current_environment()
    return services_for(environment.bucket, environment.table, private_clients)


_event_services = {}
_instance = None
_instance_key = None


def event_services():
    """The S3 event handler's services, kept per warm instance and environment."""
    environment = current_environment()
    found = _event_services.get(environment)
    if found is None:
        found = _event_services[environment] = services(environment)
    return found


def page_instance():
    """The warm instance's page state; rebuilt only if the environment names other storage."""
    from chalicelib.runtime import Instance

    global _instance, _instance_key
    key = environment_key()  # cheap enough for every request, unlike building one
    if _instance is None or key != _instance_key:
        environment = current_environment()
        if _instance is None or _instance.environment != environment:
            _instance = Instance(environment, lambda: PostIndex.on(
                aws.client("dynamodb"), environment.table))
        _instance_key = key
    return _instance


def media_store():
    """The page function's read access to media in the instance's bucket."""
    return MediaStore(aws.client("s3"), page_instance().environment.bucket)


def expire_pages():
    """Make the next request re-read the site item (local mode indexes in-process)."""
    if _instance is not None:
        _instance.expire()


def reset():
    """Forget every per-instance cache: clients, services, page state."""
    global _instance, _instance_key
    _instance = _instance_key = None
    _event_services.clear()
    aws.reset_clients()
