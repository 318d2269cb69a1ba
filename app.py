"""The blog's Chalice app: thin public GET/HEAD routes and the S3 event handler.

Each route turns Chalice's request into a plain ``Request`` and names the page
it wants; ``runtime.answer`` does the rest and hands back a plain response.
"""
import base64
import logging
import os
from datetime import datetime, timezone
from functools import partial
from urllib.parse import unquote

from chalice import Chalice, Response

from chalicelib import assets, keys, redirects, urls
from chalicelib.pages import PageBuilder
from chalicelib.request_log import Timer, bounded, log_line, request_id
from chalicelib.responses import Request, finish
from chalicelib.runtime import answer, cached_answer, current_settings
from chalicelib.wiring import page_instance


class BlogApp(Chalice):
    """Chalice, with every answer binary-safe behind API Gateway.

    API Gateway turns a base64 body back into bytes only when the request's
    first Accept type is a binary media type: ``image/avif`` for an <img>,
    ``text/html`` for a file opened in a tab. So every type is binary ("*/*"),
    Chalice base64-encodes every answer, and API Gateway decodes them all.
    Chalice then refuses (400) a request with no Accept header at all, which
    some feed readers send; to it such a request accepts anything, as RFC 9110
    says.
    """

    def __call__(self, event, context):
        if "requestContext" in event:
            try:
                cached = _cached_answer(event, context)
            except Exception:  # a shortcut only: on any doubt the request is routed
                logging.getLogger("chalicelib.app").warning(
                    "early answer failed; routing the request", exc_info=True)
                cached = None
            if cached is not None:
                return cached
            headers = event.get("headers")
            if not any(name.lower() == "accept" for name in (headers or {})):
                event = dict(event, headers=dict(headers or {}, accept="*/*"))
        return super().__call__(event, context)


class _Answer(Response):
    """Chalice's Response for one of our answers, its base64 body made once per page."""

    def __init__(self, answer):
        self._base64 = answer.base64
        # Every answer is binary to Chalice ("*/*", see BlogApp), so the body is bytes.
        body = b"" if answer.base64 is not None else (
            answer.body.encode("utf-8") if isinstance(answer.body, str) else answer.body)
        super().__init__(body=body, status_code=answer.status, headers=answer.headers)

    def _base64encode(self, data):
        return self._base64 if self._base64 is not None else super()._base64encode(data)


app = BlogApp(app_name="serverless-blog")
app.api.binary_types = ["*/*"]
app.log.setLevel(logging.INFO)
logging.getLogger("chalicelib").setLevel(logging.INFO)

# The bucket name is read at import only to register the event source;
# `chalice deploy` imports the app with the stage's environment variables.
CONTENT_BUCKET = os.environ.get("BLOG_BUCKET", "blog-content-not-configured")


def _decoded(value):
    """A path parameter as written (API Gateway may hand it still percent-encoded)."""
    return unquote(value) if "%" in value else value


def _request():
    current = app.current_request
    return Request(method=current.method, path=current.context.get("path", ""),
                   query=dict(current.query_params or {}),
                   headers={name.lower(): value for name, value in current.headers.items()},
                   stage=current.context.get("stage"))


def _send(response, timer=None):
    current = app.current_request
    log_line("request", request_id(getattr(app, "lambda_context", None), current.context),
             method=current.method, path=bounded(current.context.get("path", "")),
             status=response.status, ms=timer.ms if timer else None)
    return _Answer(response)


def _cached_answer(event, context):
    """A page still fresh in the page cache, answered without routing it again; else None.

    What a CDN would do in front of the blog, inside the Lambda: a warm GET or
    HEAD of a page built before costs a dictionary lookup and no AWS call. The
    Request is made from the event as ``_request`` makes it from Chalice's, so
    the cache key is the same, and the answer is the one Chalice would give.
    Anything else (a first visit, a stale site, another method) goes through
    Chalice's routing as usual.
    """
    timer = Timer()
    request_context = event["requestContext"]
    method = request_context.get("httpMethod")
    if method not in ("GET", "HEAD"):
        return None
    query = event.get("multiValueQueryStringParameters") or {}
    if not all(query.values()):
        return None  # an empty value list: leave the oddity to Chalice
    request = Request(method=method, path=request_context.get("path", ""),
                      query={name: values[-1] for name, values in query.items()},
                      headers={name.lower(): value
                               for name, value in (event.get("headers") or {}).items()},
                      stage=request_context.get("stage"))
    response = cached_answer(page_instance(), request)
    if response is None:
        return None
    log_line("request", request_id(context, request_context), method=method,
             path=bounded(request.path), status=response.status, ms=timer.ms)
    # Chalice's Response.to_dict for a binary answer, with nothing left to decide:
    # every header is single-valued and every type is binary.
    body = response.base64
    if body is None:  # a HEAD, a 304, or a page cached without its base64 form
        body = base64.b64encode(response.body.encode("utf-8")).decode("ascii")
    return {"headers": dict(response.headers), "multiValueHeaders": {},
            "statusCode": response.status, "body": body, "isBase64Encoded": True}


def _respond(build):
    timer = Timer()
    return _send(answer(page_instance(), _request(), build), timer)


def _send_asset(found):
    """A theme file: no AWS call, so it answers even while storage is down."""
    theme_file, max_age = found
    return _send(finish(assets.frozen(theme_file), max_age, _request()))


def _query(name):
    return (app.current_request.query_params or {}).get(name)


def page_route(path):
    """A public route: GET, and HEAD for crawlers and caches checking a page."""
    return app.route(path, methods=["GET", "HEAD"])


@page_route(urls.HOME)
def home():
    query = app.current_request.query_params
    if redirects.is_wordpress_query(query):   # /?p=123, /?s=words, /?feed=rss2...
        return _respond(partial(PageBuilder.moved, path="/", query=dict(query)))
    return _respond(partial(PageBuilder.home, page=_query("page")))


@page_route(urls.POST)
def post(slug):
    return _respond(partial(PageBuilder.post, slug=_decoded(slug)))


@page_route(urls.PAGE)
def static_page(slug):
    return _respond(partial(PageBuilder.static_page, slug=_decoded(slug)))


@page_route(urls.TAG)
def tag(tag):
    return _respond(partial(PageBuilder.label, kind=keys.TAG, slug=_decoded(tag),
                            page=_query("page")))


@page_route(urls.CATEGORY)
def category(category):
    return _respond(partial(PageBuilder.label, kind=keys.CATEGORY, slug=_decoded(category),
                            page=_query("page")))


@page_route(urls.TAG_FEED)
def tag_feed(tag):
    return _respond(partial(PageBuilder.feed, feed_format="atom", label_kind=keys.TAG,
                            label_slug=_decoded(tag)))


@page_route(urls.CATEGORY_FEED)
def category_feed(category):
    return _respond(partial(PageBuilder.feed, feed_format="atom", label_kind=keys.CATEGORY,
                            label_slug=_decoded(category)))


@page_route(urls.ARCHIVE_YEAR)
def archive_year(year):
    return _respond(partial(PageBuilder.archive, year=_decoded(year), page=_query("page")))


@page_route(urls.ARCHIVE_MONTH)
def archive_month(year, month):
    return _respond(partial(PageBuilder.archive, year=_decoded(year), month=_decoded(month),
                            page=_query("page")))


@page_route(urls.SEARCH)
def search():
    return _respond(partial(PageBuilder.search, query=_query("q"), page=_query("page")))


@page_route(urls.ATOM)
def atom_feed():
    return _respond(partial(PageBuilder.feed, feed_format="atom"))


@page_route(urls.RSS)
def rss_feed():
    return _respond(partial(PageBuilder.feed, feed_format="rss"))


@page_route(urls.SITEMAP)
def sitemap():
    return _respond(PageBuilder.sitemap)


@page_route(urls.ROBOTS)
def robots():
    return _respond(PageBuilder.robots)


@page_route(urls.MEDIA)
def media_file():
    """An object under media/ in the bucket: its bytes, or the theme's 404."""
    from chalicelib.errors import StorageUnavailable
    from chalicelib.media_answers import answer_media, media_key
    from chalicelib.wiring import media_store

    # Chalice passes no greedy parameter to the view; API Gateway names it
    # "path" in the event, Chalice's local server "path+".
    params = app.current_request.uri_params or {}
    key = media_key(_decoded(params.get("path") or params.get("path+") or ""))
    if key is None:
        return _respond(PageBuilder.nothing_here)
    try:
        settings = current_settings(page_instance(), datetime.now(timezone.utc))
        response = answer_media(media_store(), key, _request(), settings.cache_seconds)
    except StorageUnavailable as error:
        return _respond(partial(_fail, error=error))
    if response is None:
        return _respond(PageBuilder.nothing_here)
    return _send(response)


def _fail(builder, error):
    raise error


@page_route(urls.THEME_ASSET)
def theme_asset(name):
    found = assets.find(_decoded(name))
    if found is None:
        return _respond(PageBuilder.nothing_here)
    return _send_asset(found)


@page_route(urls.FAVICON)
def favicon():
    """Browsers and feed readers ask for it whatever the page links."""
    return _send_asset((assets.asset("icon.svg"), assets.FAVICON_SECONDS))


@page_route(urls.ANYTHING_ELSE)
def unmatched():
    """Every other path: an old address that moved (301), else the 404.

    API Gateway would answer 403 itself. The path parameter is ``proxy`` on
    AWS and ``proxy+`` in Chalice's local server.
    """
    parameters = app.current_request.uri_params or {}
    rest = parameters.get("proxy") or parameters.get("proxy+") or ""
    return _respond(partial(PageBuilder.moved, path="/" + _decoded(rest),
                            query=dict(app.current_request.query_params or {})))


@app.on_s3_event(bucket=CONTENT_BUCKET, events=["s3:ObjectCreated:*", "s3:ObjectRemoved:*"])
def on_content_change(event):
    """Index the key's current state (create, update or delete) from S3."""
    from chalicelib.wiring import event_services

    timer = Timer()
    result = event_services().sync(event.key)
    log_line("event", request_id(getattr(event, "context", None)), key=bounded(result.key),
             action=result.action, detail=result.detail[:500], ms=timer.ms)
