"""The blog's Chalice app: thin public GET/HEAD routes and the S3 event handler."""
import logging
import os
from urllib.parse import unquote, urlencode, urlsplit

from chalice import Chalice, Response

from chalicelib.runtime import cache_control, serve
from chalicelib.views import Links, page_number

app = Chalice(app_name="serverless-blog")
app.log.setLevel(logging.INFO)
logging.getLogger("chalicelib").setLevel(logging.INFO)

# The bucket name is read at import only to register the event source;
# `chalice deploy` imports the app with the stage's environment variables.
CONTENT_BUCKET = os.environ.get("BLOG_BUCKET", "blog-content-not-configured")


def _links(settings):
    request = app.current_request
    host = request.headers.get("host", "localhost")
    stage = request.context.get("stage")
    # Straight on the execute-api host every path sits under the stage name;
    # through CloudFront or a custom domain the public paths start at base_url's.
    direct = host.endswith(".amazonaws.com") and "x-amz-cf-id" not in request.headers
    if stage and direct:
        root = f"/{stage}"
    else:
        root = urlsplit(settings.base_url).path.rstrip("/") if settings.base_url else ""
    if settings.base_url:  # absolute links (feeds, sitemap, canonical) use the public address
        return Links(root=root, base=settings.base_url)
    scheme = request.headers.get("x-forwarded-proto") or (
        "http" if host.startswith(("127.0.0.1", "localhost")) else "https")
    return Links(root=root, base=f"{scheme}://{host}{root}")


def _respond(build):
    request = app.current_request
    params = request.query_params
    query = urlencode(sorted((name, params.get(name)) for name in params)) if params else ""
    cache_key = f"{request.headers.get('host', '')}{request.context.get('path', '')}?{query}"
    page, max_age = serve(cache_key, _links, build)
    headers = {"Content-Type": page.content_type, "ETag": page.etag,
               "Cache-Control": cache_control(max_age, page.status)}
    if page.last_modified:
        headers["Last-Modified"] = page.last_modified
    if page.status == 200 and _not_modified(request.headers, page):
        return Response(body="", status_code=304, headers=headers)
    body = "" if request.method == "HEAD" else page.body
    return Response(body=body, status_code=page.status, headers=headers)


def _not_modified(headers, page):
    """RFC 9110: If-None-Match decides when present, else If-Modified-Since."""
    if_none_match = headers.get("if-none-match")
    if if_none_match:
        return page.etag in {tag.strip() for tag in if_none_match.split(",")}
    if not page.last_modified:
        return False
    since = headers.get("if-modified-since")
    if not since:
        return False
    from email.utils import parsedate_to_datetime  # feeds only; ~10 ms of cold start

    try:
        return parsedate_to_datetime(page.last_modified) <= parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False


def page_route(path):
    """A public route: GET, and HEAD for crawlers and caches checking a page."""
    return app.route(path, methods=["GET", "HEAD"])


def _param(name):
    return (app.current_request.query_params or {}).get(name)


def _uri(name):
    value = (app.current_request.uri_params or {}).get(name, "")
    return unquote(value) if "%" in value else value


@page_route("/")
def home():
    return _respond(lambda blog: blog.home(page_number(_param("page"))))


@page_route("/posts/{slug}")
def post(slug):
    return _respond(lambda blog: blog.post(_uri("slug")))


@page_route("/pages/{slug}")
def static_page(slug):
    return _respond(lambda blog: blog.static_page(_uri("slug")))


@page_route("/tags/{tag}")
def tag(tag):
    return _respond(lambda blog: blog.label("tag", _uri("tag"), page_number(_param("page"))))


@page_route("/categories/{category}")
def category(category):
    return _respond(lambda blog: blog.label("cat", _uri("category"),
                                            page_number(_param("page"))))


@page_route("/tags/{tag}/feed.xml")
def tag_feed(tag):
    return _respond(lambda blog: blog.feed("atom", "tag", _uri("tag")))


@page_route("/categories/{category}/feed.xml")
def category_feed(category):
    return _respond(lambda blog: blog.feed("atom", "cat", _uri("category")))


@page_route("/archive/{year}")
def archive_year(year):
    return _respond(lambda blog: blog.archive(year, None, page_number(_param("page"))))


@page_route("/archive/{year}/{month}")
def archive_month(year, month):
    return _respond(lambda blog: blog.archive(year, month, page_number(_param("page"))))


@page_route("/search")
def search():
    return _respond(lambda blog: blog.search(_param("q"), page_number(_param("page"))))


@page_route("/feed.xml")
def atom_feed():
    return _respond(lambda blog: blog.feed("atom"))


@page_route("/rss.xml")
def rss_feed():
    return _respond(lambda blog: blog.feed("rss"))


@page_route("/sitemap.xml")
def sitemap():
    return _respond(lambda blog: blog.sitemap())


@page_route("/robots.txt")
def robots():
    return _respond(lambda blog: blog.robots())


@page_route("/{proxy+}")
def unmatched(**_):
    """Every other path: API Gateway would answer 403 itself; we answer 404."""
    from chalicelib.errors import NotFound

    def missing(blog):
        raise NotFound("no route")
    return _respond(missing)


@app.on_s3_event(bucket=CONTENT_BUCKET, events=["s3:ObjectCreated:*", "s3:ObjectRemoved:*"])
def on_content_change(event):
    """Index the key's current state (create, update or delete) from S3."""
    from chalicelib.publishing import index_key

    result = index_key(event.key)
    app.log.info("%s: %s %s", result.key, result.action, result.detail)
