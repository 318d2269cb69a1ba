"""Lazily created, memoised boto3 clients, and AWS errors turned into the blog's own.

A client costs a cold start about a fifth of a second to import and build,
so nothing here runs at import time; the first call pays once per Lambda
instance. Clients come straight from botocore, the library under boto3 (a
boto3 client is this same botocore client): importing boto3 as well would add
its resource layer and s3transfer, about 30 ms of every cold start, and
nothing on our path uses them. Clients use botocore's standard retry mode
with timeouts sized for a Lambda behind API Gateway (29 s at most per request).
"""
import threading
from contextlib import contextmanager
from functools import lru_cache

from chalicelib.errors import StorageUnavailable

RETRY_ATTEMPTS = 3
CONNECT_TIMEOUT = 2
READ_TIMEOUT = 5

_clients = {}
_session = []  # the one botocore session the shared clients come from
_lock = threading.Lock()


def client(service):
    """The shared boto3 client for ``service`` ("s3" or "dynamodb")."""
    found = _clients.get(service)
    if found is None:
        with _lock:
            found = _clients.get(service)
            if found is None:
                if not _session:
                    from botocore.session import get_session

                    _session.append(get_session())
                found = _clients[service] = new_client(service, _session[0])
    return found


def new_client(service, session=None):
    """A client for ``service`` configured like the shared ones (on a session of its own)."""
    from botocore.config import Config
    from botocore.session import get_session

    session = session or get_session()
    session.register_component("response_parser_factory", _parser_factory())
    config = Config(retries={"max_attempts": RETRY_ATTEMPTS, "mode": "standard"},
                    connect_timeout=CONNECT_TIMEOUT, read_timeout=READ_TIMEOUT)
    return session.create_client(service, config=config)


def binary_converted(value, blob):
    """One DynamoDB AttributeValue (wire form) with ``blob`` applied to each binary value.

    Reading a response, ``blob`` decodes base64 (botocore's parser gives the
    rest as the JSON has it); the local moto's answers use it to encode.
    """
    (kind, item), = value.items()
    if kind == "M":
        return {"M": {name: binary_converted(member, blob) for name, member in item.items()}}
    if kind == "L":
        return {"L": [binary_converted(member, blob) for member in item]}
    if kind == "B":
        return {"B": blob(item)}
    if kind == "BS":
        return {"BS": [blob(member) for member in item]}
    return value


@lru_cache(maxsize=1)
def _parser_factory():
    """botocore's response parsers, with DynamoDB's attribute values read directly.

    botocore reads each AttributeValue as a structure of ten possible members,
    which is most of the time a read of many items takes (a common word's
    thousand search postings: ~10 ms). The JSON already has the shape botocore
    returns, except binary values, which are base64 there; ``binary_converted``
    decodes those and keeps the rest as it is. tests/test_dynamodb.py holds the
    result equal to botocore's own parser's.
    """
    from botocore.parsers import JSONParser, ResponseParserFactory

    class DirectAttributes(JSONParser):
        def _handle_structure(self, shape, value):
            if shape.name == "AttributeValue" and isinstance(value, dict) and len(value) == 1:
                return binary_converted(value, self._blob_parser)
            return super()._handle_structure(shape, value)

    class Factory(ResponseParserFactory):
        def create_parser(self, protocol_name):
            if protocol_name == "json":
                return DirectAttributes(**self._defaults)
            return super().create_parser(protocol_name)

    return Factory()


def reset_clients():
    """Forget every client, so the next call reads the environment again."""
    with _lock:
        _clients.clear()
        _session.clear()


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
