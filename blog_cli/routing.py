"""Make Chalice's local server route like API Gateway for `/{proxy+}`.

On API Gateway `/{proxy+}` is greedy: it catches every path no other route
matches, at any depth. Chalice's local RouteMatcher matches it against one
segment only, so `/a/b` answers a bare 403 locally instead of the theme's 404
(Chalice PR #2012 is still open). Local mode swaps in this matcher.
"""
from urllib.parse import parse_qs, urlparse

from chalice import local

GREEDY_ROUTE = "/{proxy+}"


class GreedyProxyRouteMatcher(local.RouteMatcher):
    """RouteMatcher that falls back to a `/{proxy+}` route for any unmatched path."""

    def match_route(self, url):
        """Match as Chalice does; otherwise hand the whole path to `/{proxy+}`."""
        try:
            return super().match_route(url)
        except ValueError:
            if GREEDY_ROUTE not in self.route_urls:
                raise
        parsed = urlparse(url)
        path = parsed.path
        if path != "/" and path.endswith("/"):
            path = path[:-1]
        return local.MatchResult(GREEDY_ROUTE, {"proxy+": path.lstrip("/")},
                                 parse_qs(parsed.query, keep_blank_values=True))


def install_greedy_proxy():
    """Use GreedyProxyRouteMatcher in this process's Chalice local gateways."""
    local.RouteMatcher = GreedyProxyRouteMatcher
