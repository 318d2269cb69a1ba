"""API Gateway proxy events and a Lambda context, as the Lambda runtime passes them."""
import base64


class LambdaContext:
    """The few attributes Chalice may read from the Lambda context."""

    function_name = "bench"
    function_version = "$LATEST"
    memory_limit_in_mb = 512
    aws_request_id = "bench-request"
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:bench"

    @staticmethod
    def get_remaining_time_in_millis():
        """Always plenty of time left."""
        return 30_000


def body_bytes(response):
    """The bytes API Gateway sends the reader (it decodes a base64 body)."""
    body = response.get("body") or ""
    return base64.b64decode(body) if response.get("isBase64Encoded") else body.encode("utf-8")


def proxy_event(path, resource, path_params=None, query=None, headers=None):
    """A GET event for ``path`` routed as ``resource`` (e.g. '/posts/{slug}')."""
    all_headers = {"host": "blog.example.org", "x-forwarded-proto": "https"}
    all_headers.update(headers or {})
    return {
        "resource": resource, "path": path, "httpMethod": "GET",
        "headers": all_headers,
        "multiValueHeaders": {name: [value] for name, value in all_headers.items()},
        "queryStringParameters": dict(query) if query else None,
        "multiValueQueryStringParameters": ({name: [value] for name, value in query.items()}
                                            if query else None),
        "pathParameters": path_params, "stageVariables": None,
        "requestContext": {"resourcePath": resource, "httpMethod": "GET", "path": path,
                           "stage": "api", "requestId": "bench",
                           "identity": {"sourceIp": "127.0.0.1"}},
        "body": None, "isBase64Encoded": False,
    }


def post_event(slug, headers=None):
    """The event for /posts/{slug}."""
    return proxy_event(f"/posts/{slug}", "/posts/{slug}", {"slug": slug}, headers=headers)
