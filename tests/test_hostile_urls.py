"""Hostile URLs and queries against a published blog: the themed 404, escaped echoes, read-only."""
import pytest


@pytest.mark.parametrize("path", [
    "/posts/..%2F..%2Fetc%2Fpasswd", "/posts/%2e%2e", "/posts/..", "/pages/..%2Fposts%2Frye-loaf",
    "/posts/rye-loaf%00", "/tags/%3Cscript%3E", "/categories/..%2F..", "/archive/9999999999",
    "/archive/2026/%2e%2e", "/posts/" + "a" * 3000, "/posts/%F0%9F%98%80",
])
def test_traversal_and_junk_in_paths_get_the_themed_404(reader, path):
    response = reader.http.get(path)
    assert response.status_code == 404
    body = response.body.decode()
    assert "can’t be found" in body and "Traceback (most recent" not in body and "root:" not in body


def test_script_in_the_search_query_is_shown_back_escaped(reader):
    response = reader.http.get("/search?q=%3Cscript%3Ealert(1)%3C/script%3E+saturn")
    body = response.body.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; saturn" in body


def test_an_absurdly_long_query_is_cut_not_crashed(reader):
    response = reader.http.get("/search?q=" + "saturn+" * 2000)
    assert response.status_code == 200 and "Saturn at Opposition" in response.body.decode()


def test_unknown_methods_are_refused_and_nothing_is_writable(reader):
    for method in ("post", "put", "delete"):
        response = getattr(reader.http, method)("/posts/rye-loaf", body=b"x")
        assert response.status_code in (403, 405)
    assert reader.http.get("/posts/rye-loaf").status_code == 200
