"""Make Chalice's local server route greedy parameters (`{name+}`) like API Gateway.

On API Gateway `/{proxy+}` is greedy: it catches every path no other route
matches, at any depth, and `/media/{path+}` every path under `/media/`.
Chalice's local RouteMatcher matches them against one segment only, so `/a/b`
answers a bare 403 locally instead of the theme's 404 and `/media/2026/a.jpg`
finds nothing (Chalice PR #2012 is still open). Local mode swaps in this matcher.
"""
from urllib.parse import parse_qs, urlparse

from chalice import local



class GreedyProxyRouteMatcher(local.RouteMatcher):
    """RouteMatcher whose `{name+}` routes take the rest of the path, at any depth."""

    def match_route(self, url):
        """Match as Chalice does; otherwise the greedy route with the longest prefix."""
        try:
            return super().match_route(url)
        except ValueError:
            pass
        parsed = urlparse(url)
        path = parsed.path
        if path != "/" and path.endswith("/"):
            path = path[:-1]
        for route in sorted(self.route_urls, key=len, reverse=True):
            prefix, _, last = route.rpartition("/")
            if not (last.startswith("{") and last.endswith("+}")):
                continue
            if path.startswith(prefix + "/") and len(path) > len(prefix) + 1:
                return local.MatchResult(route, {last[1:-1]: path[len(prefix) + 1:]},
                                         parse_qs(parsed.query, keep_blank_values=True))
        raise ValueError(f"No matching route found for: {url}")


def install_greedy_proxy():
    """Use GreedyProxyRouteMatcher in this process's Chalice local gateways."""
    local.RouteMatcher = GreedyProxyRouteMatcher
