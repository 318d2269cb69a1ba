"""Every public URL of the blog: the route patterns and the paths pages link to.

Routes (``app.py``), page builders, templates, feeds and the sitemap all
build addresses here, so a path is spelled once. ``Links`` turns a site path
into what one request must show: the API stage prefix on the raw
execute-api host, and absolute URLs on the public address.
"""
import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

from chalicelib import keys

# Route patterns, as Chalice (and API Gateway) match them.
HOME = "/"
POST = "/posts/{slug}"
PAGE = "/pages/{slug}"
TAG = "/tags/{tag}"
CATEGORY = "/categories/{category}"
TAG_FEED = "/tags/{tag}/feed.xml"
CATEGORY_FEED = "/categories/{category}/feed.xml"
ARCHIVE_YEAR = "/archive/{year}"
ARCHIVE_MONTH = "/archive/{year}/{month}"
SEARCH = "/search"
ATOM = "/feed.xml"
RSS = "/rss.xml"
SITEMAP = "/sitemap.xml"
ROBOTS = "/robots.txt"
MEDIA = "/media/{path+}"
FAVICON = "/favicon.ico"
THEME_ASSET = "/theme/{name}"
ANYTHING_ELSE = "/{proxy+}"

_LABEL_FOLDERS = {keys.TAG: "tags", keys.CATEGORY: "categories"}


def post(slug):
    """Path of a post."""
    return f"/posts/{quote(slug)}"


def page(slug):
    """Path of a static page."""
    return f"/pages/{quote(slug)}"


def document(kind, slug):
    """Path of a post ("post") or a static page ("page")."""
    return post(slug) if kind == "post" else page(slug)


def tag(slug):
    """Path of a tag's listing."""
    return label(keys.TAG, slug)


def category(slug):
    """Path of a category's listing."""
    return label(keys.CATEGORY, slug)


def label(kind, slug):
    """Path of a tag ("tag") or category ("cat") listing."""
    return f"/{_LABEL_FOLDERS[kind]}/{quote(slug)}"


def label_feed(kind, slug):
    """Path of a tag's or category's Atom feed."""
    return label(kind, slug) + ATOM


def archive(year, month=None):
    """Path of a year's or a month's archive."""
    return f"/archive/{year}" + (f"/{month:02d}" if month else "")


def search(query=None):
    """Path of the search page, with a query if given."""
    return SEARCH + (f"?{urlencode({'q': query})}" if query else "")


def theme_asset(name):
    """Path of one of the theme's static files (a name with its content hash)."""
    return f"/theme/{quote(name)}"


def with_page(path, number, **params):
    """``path`` with its query: ``page`` (left out for the first) and ``params``."""
    query = dict(params)
    if number > 1:
        query["page"] = number
    return path + ("?" + urlencode(query) if query else "")


@dataclass(frozen=True)
class Links:
    """How one request's pages link: a path prefix and an absolute site root."""

    root: str = ""
    base: str = ""

    def url(self, path):
        """Site-relative path including the API stage prefix."""
        return self.root + path

    def absolute(self, path):
        """Absolute URL for feeds, sitemap and canonical links."""
        return self.base + path


HOST = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*"
                  r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?::[0-9]{1,5})?$")
STAGE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
SCHEMES = ("http", "https")


def request_origin(request):
    """(scheme, host, stage prefix) of ``request``, from validated values only.

    A host that is not a host name becomes ``localhost``, a scheme other than
    ``http``/``https`` is ignored, and the stage prefix is set only straight on
    the execute-api host. These three and base_url are all a page's links take
    from the request, and the page cache keys on them
    (``responses.Request.cache_key``), so one visitor's headers never show in
    another's page.
    """
    host = request.headers.get("host", "")
    if len(host) > 255 or not HOST.match(host):
        host = "localhost"
    direct = host.lower().endswith(".amazonaws.com") and "x-amz-cf-id" not in request.headers
    stage = f"/{request.stage}" if request.stage and direct and STAGE.match(request.stage) \
        else ""
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    local = host.startswith(("127.0.0.1", "localhost"))
    scheme = forwarded if forwarded in SCHEMES else ("http" if local else "https")
    return scheme, host, stage


def links_for(request, base_url):
    """The Links of ``request`` (a responses.Request) on a site whose base_url is given.

    Straight on the execute-api host every path sits under the stage name;
    through CloudFront or a custom domain the public paths start at base_url's.
    """
    scheme, host, stage = request.origin
    root = stage or (urlsplit(base_url).path.rstrip("/") if base_url else "")
    if base_url:
        return Links(root=root, base=base_url)
    return Links(root=root, base=f"{scheme}://{host}{root}")
