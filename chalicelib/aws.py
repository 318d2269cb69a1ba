"""Lazily created, memoised boto3 clients, and AWS errors turned into the blog's own.

boto3 costs about a quarter of a second to import and a client as much again
to build, so nothing here runs at import time; the first call pays once per
Lambda instance. Clients use botocore's standard retry mode with timeouts
sized for a Lambda behind API Gateway (29 s at most per request).
"""
import threading
from contextlib import contextmanager

from chalicelib.errors import StorageUnavailable

RETRY_ATTEMPTS = 3
CONNECT_TIMEOUT = 2
READ_TIMEOUT = 5

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

                config = Config(retries={"max_attempts": RETRY_ATTEMPTS, "mode": "standard"},
                                connect_timeout=CONNECT_TIMEOUT, read_timeout=READ_TIMEOUT)
                found = _clients[service] = boto3.session.Session().client(
                    service, config=config)
    return found


def reset_clients():
    """Forget every client, so the next call reads the environment again."""
    with _lock:
        _clients.clear()


def error_code(error):
    """The AWS error code of a botocore ClientError ("" for other errors)."""
    response = getattr(error, "response", None) or {}
    return response.get("Error", {}).get("Code", "")


@contextmanager
def storage_errors(what):
    """Turn botocore failures inside the block into StorageUnavailable(``what``)."""
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        yield
    except (ClientError, BotoCoreError) as error:
        raise StorageUnavailable(f"{what}: {error}") from error


# Worth trying again later: throttling, AWS's own 5xx, timeouts and dropped
# connections. Anything else (a ValidationException such as an item over 400 KB)
# will fail the same way every time.
TRANSIENT_CODES = frozenset({
    "ThrottlingException", "Throttling", "ThrottledException", "RequestLimitExceeded",
    "ProvisionedThroughputExceededException", "TooManyRequestsException", "SlowDown",
    "InternalServerError", "InternalError", "ServiceUnavailable", "ServiceUnavailableException",
    "RequestTimeout", "RequestTimeoutException", "TransactionInProgressException",
    "LimitExceededException",
})


def is_transient(error):
    """True if ``error`` (or the AWS error behind it) may well succeed on a retry."""
    from botocore.exceptions import BotoCoreError, ClientError

    cause = error.__cause__ if isinstance(error, StorageUnavailable) else error
    if isinstance(cause, ClientError):
        status = cause.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0
        return error_code(cause) in TRANSIENT_CODES or status >= 500 or status == 429
    return isinstance(cause, BotoCoreError) or isinstance(error, StorageUnavailable) \
        and cause is None
