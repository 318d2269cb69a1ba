"""Unknown paths get the theme's 404, locally and as API Gateway delivers them.

API Gateway answers a path no resource matches with its own 403 "Missing
Authentication Token", so ``app.py`` declares a greedy ``/{proxy+}``. On AWS it
matches any depth and the parameter is called ``proxy``; Chalice's local
matcher takes one segment only and calls it ``proxy+``. Both are exercised.
"""
import pytest

from app import app
from tests.helpers import gateway_text, proxy_event

UNMATCHED = "/{proxy+}"
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def assert_themed_404(status, headers, body):
    body = body.decode("utf-8") if isinstance(body, bytes) else body
    assert status == 404
    assert headers["Content-Type"].startswith("text/html")
    assert "Test Blog" in body  # the site's own chrome, not a bare error
    assert "error404" in body
    assert "Missing Authentication Token" not in body


@pytest.mark.parametrize("path", ["/nope", "/wp-login.php", "/feed.rss"])
def test_local_unmatched_path_gets_the_themed_404(blog, client, path):
    response = client.http.get(path)
    assert_themed_404(response.status_code, response.headers, response.body)


@pytest.mark.parametrize("path", ["/a/b/c", "/nope", "/posts/a/b", "/wp-admin/setup.php"])
def test_aws_unmatched_path_gets_the_themed_404(blog, path):
    response = app(proxy_event(path), None)
    assert_themed_404(response["statusCode"], response["headers"], gateway_text(response))
    assert response["headers"]["Content-Type"].startswith("text/html")


def test_greedy_route_is_declared():
    assert UNMATCHED in app.routes


def test_every_public_route_only_reads():
    assert app.routes
    for path, methods in app.routes.items():
        assert set(methods) == {"GET", "HEAD"}, (path, sorted(methods))
        assert not set(methods) & WRITE_METHODS


def test_head_answers_like_get_without_a_body(corpus, client):
    for path in ("/", "/posts/rye-loaf", "/feed.xml", "/nothing-here"):
        get = client.http.get(path)
        head = client.http.request("HEAD", path)
        assert head.status_code == get.status_code, path
        assert head.body == b""
        assert head.headers["ETag"] == get.headers["ETag"]
        assert head.headers["Content-Type"] == get.headers["Content-Type"]


def test_nothing_else_is_exposed():
    """No authorizers, websockets or other HTTP entry points beside the routes."""
    assert not app.builtin_auth_handlers
    assert not app.websocket_handlers
    assert {source.name for source in app.event_sources} == {"on_content_change"}
