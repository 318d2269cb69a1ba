"""Lazily created, memoised boto3 clients.

boto3 costs about a quarter of a second to import and a client as much again
to build, so nothing here runs at import time; the first call pays once per
Lambda instance. ``reset_clients`` lets tests and local mode start over when
the endpoint changes.
"""
import threading

_clients = {}
_lock = threading.Lock()


def client(service):
    """The shared boto3 client for ``service`` ("s3" or "dynamodb")."""
    found = _clients.get(service)
    if found is None:
        with _lock:
            found = _clients.get(service)
            if found is None:
                import boto3
                from botocore.config import Config

                retries = Config(retries={"max_attempts": 3, "mode": "standard"},
                                 connect_timeout=3, read_timeout=10)
                found = _clients[service] = boto3.session.Session().client(
                    service, config=retries)
    return found


def reset_clients():
    """Forget every client, so the next call reads the environment again."""
    with _lock:
        _clients.clear()
