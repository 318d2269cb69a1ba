"""Media end to end against moto: uploads, variants, sized pages, the /media route, safety."""
import base64
import re

import boto3
import pytest
from chalice import local
from chalice.test import Client

from app import app
from blog_cli.routing import GreedyProxyRouteMatcher
from chalicelib.media import MAX_PIXELS, VARIANT_PREFIX
from chalicelib.media_store import MAX_INLINE_BYTES
from tests.helpers import (BUCKET, PROJECT, STAGE, gateway_body, gateway_text, images_in,
                           picture, png_header_only, publish)

WIDE = "media/2026/harbour view.jpg"
WIDE_PATH = "/media/2026/harbour%20view.jpg"
POST = "posts/harbour.md"
POST_TEXT = ("First words.\n\n![The harbour at dusk](/media/2026/harbour%20view.jpg)\n\n"
             "More words.\n\n![Again, lower](/media/2026/harbour%20view.jpg)\n")


@pytest.fixture
def media_client(aws, monkeypatch):
    """Chalice's test client, routing `/media/{path+}` at any depth as API Gateway does."""
    monkeypatch.setattr(local, "RouteMatcher", GreedyProxyRouteMatcher)
    with Client(app, stage_name=STAGE, project_dir=str(PROJECT)) as test_client:
        yield test_client


def upload(found, key, data):
    """Put an object in the bucket and run the S3 handler on it, as the event would."""
    boto3.client("s3").put_object(Bucket=BUCKET, Key=key, Body=data)
    return found.sync(key)


def delete(found, key):
    """Delete an object and run the S3 handler on it."""
    boto3.client("s3").delete_object(Bucket=BUCKET, Key=key)
    return found.sync(key)


def bucket_keys():
    listing = boto3.client("s3").list_objects_v2(Bucket=BUCKET)
    return sorted(item["Key"] for item in listing.get("Contents", []))


def page(media_client, path, **headers):
    response = media_client.http.get(path, headers=headers or {"accept": "text/html"})
    return response.status_code, response.body.decode("utf-8")


def assert_sized(image):
    assert (image["width"], image["height"]) == ("2000", "1333")
    widths = [int(part.split()[1][:-1]) for part in image["srcset"].split(",")]
    assert len(widths) >= 2 and max(widths) <= 2000
    assert image["sizes"] and image["decoding"] == "async"


# Either upload order gives the same page -------------------------------------------

def test_an_image_uploaded_before_its_post_sizes_the_posts_images(blog, media_client):
    assert upload(blog, WIDE, picture(2000, 1333)).action == "indexed"
    publish(blog, POST, POST_TEXT, title="Harbour", date="2026-05-01")
    status, body = page(media_client, "/posts/harbour")
    first, second = images_in(body)[:2]
    assert status == 200
    assert_sized(first) and assert_sized(second)
    assert "loading" not in first and second["loading"] == "lazy"


def test_an_image_uploaded_after_its_post_sizes_the_stored_page_too(blog, media_client):
    publish(blog, POST, POST_TEXT, title="Harbour", date="2026-05-01")
    _, before = page(media_client, "/posts/harbour")
    assert "width" not in images_in(before)[0] and "srcset" not in images_in(before)[0]
    result = upload(blog, WIDE, picture(2000, 1333))
    assert result.action == "indexed" and "1 posts refreshed" in result.detail
    _, after = page(media_client, "/posts/harbour")
    assert_sized(images_in(after)[0])


def test_replacing_an_image_gives_new_variant_urls_and_drops_the_old_ones(blog, media_client):
    upload(blog, WIDE, picture(2000, 1333))
    publish(blog, POST, POST_TEXT, title="Harbour", date="2026-05-01")
    old = images_in(page(media_client, "/posts/harbour")[1])[0]["srcset"]
    upload(blog, WIDE, picture(1600, 1200))
    new = images_in(page(media_client, "/posts/harbour")[1])[0]
    assert new["srcset"] != old and (new["width"], new["height"]) == ("1600", "1200")
    old_url = old.split(",")[0].split()[0]
    assert media_client.http.get(old_url).status_code == 404


# Variants ------------------------------------------------------------------------

def test_every_srcset_candidate_answers_an_image_no_larger_than_the_original(blog,
                                                                            media_client):
    original = picture(2000, 1333)
    upload(blog, WIDE, original)
    publish(blog, POST, POST_TEXT, title="Harbour", date="2026-05-01")
    image = images_in(page(media_client, "/posts/harbour")[1])[0]
    for candidate in image["srcset"].split(","):
        url = candidate.split()[0]
        response = media_client.http.get(url, headers={"accept": "image/avif,image/webp,*/*"})
        assert response.status_code == 200
        assert response.headers["Content-Type"] in ("image/webp", "image/avif", "image/jpeg")
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert 0 < len(response.body) <= len(original)


def test_the_handler_ignores_its_own_variants_so_it_can_never_loop(blog, media_client):
    upload(blog, WIDE, picture(2000, 1333))
    written = bucket_keys()
    variants = [key for key in written if key.startswith(VARIANT_PREFIX)]
    assert variants
    for key in variants:  # the events S3 sends for the handler's own writes
        response = media_client.lambda_.invoke(
            "on_content_change", media_client.events.generate_s3_event(bucket=BUCKET, key=key))
        assert response.payload is None
        assert blog.sync(key).action == "ignored"
    assert bucket_keys() == written


def test_deleting_an_original_removes_its_variants_and_its_sizes(blog, media_client):
    upload(blog, WIDE, picture(2000, 1333))
    publish(blog, POST, POST_TEXT, title="Harbour", date="2026-05-01")
    assert delete(blog, WIDE).action == "removed"
    assert not [key for key in bucket_keys() if key.startswith(VARIANT_PREFIX)]
    assert media_client.http.get(WIDE_PATH).status_code == 404
    image = images_in(page(media_client, "/posts/harbour")[1])[0]
    assert "srcset" not in image and "width" not in image


# Bad files are errors like bad posts ------------------------------------------------

@pytest.mark.parametrize("data, reason", [
    (b"\xff\xd8\xff\xe0 truncated", "corrupt"),
    (png_header_only(20_000, 20_000), "too large"),
    (picture(64, 64, "PNG"), "not JPEG"),
], ids=["corrupt", "bomb", "lying extension"])
def test_a_bad_image_is_recorded_and_its_post_still_renders_a_plain_img(blog, media_client,
                                                                        data, reason):
    result = upload(blog, WIDE, data)
    assert result.action == "error" and reason in result.detail
    assert [error["sk"] for error in blog.index.errors()] == [WIDE]
    assert not [key for key in bucket_keys() if key.startswith(VARIANT_PREFIX)]
    publish(blog, POST, POST_TEXT, title="Harbour", date="2026-05-01")
    status, body = page(media_client, "/posts/harbour")
    image = images_in(body)[0]
    assert status == 200 and image["src"] == WIDE_PATH and "srcset" not in image


def test_a_bad_image_fixed_later_clears_its_error(blog):
    upload(blog, WIDE, b"not a jpeg at all")
    assert upload(blog, WIDE, picture(800, 600)).action == "indexed"
    assert blog.index.errors() == []


def test_the_pixel_limit_is_lower_than_pillows():
    assert MAX_PIXELS < 89_478_485


# The /media route -------------------------------------------------------------------

def test_media_answers_with_its_type_etag_nosniff_and_a_304_on_a_match(blog, media_client):
    data = picture(300, 200)
    upload(blog, "media/a.jpg", data)
    response = media_client.http.get("/media/a.jpg", headers={"accept": "image/webp,*/*"})
    assert response.status_code == 200 and response.body == data
    assert response.headers["Content-Type"] == "image/jpeg"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-cache"  # the test site's cache_seconds: 0
    etag = response.headers["ETag"]
    again = media_client.http.get("/media/a.jpg", headers={"if-none-match": etag,
                                                           "accept": "*/*"})
    assert again.status_code == 304 and again.body == b""


def test_media_types_come_from_the_extension_never_from_the_upload(blog, media_client):
    boto3.client("s3").put_object(Bucket=BUCKET, Key="media/notes.txt", Body=b"<script>x</script>",
                                  ContentType="text/html")
    response = media_client.http.get("/media/notes.txt")
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_an_svg_is_served_sandboxed_so_its_script_never_runs(blog, media_client):
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
           b'<script>alert(document.cookie)</script></svg>')
    upload(blog, "media/logo.svg", svg)
    response = media_client.http.get("/media/logo.svg")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "image/svg+xml"
    assert "sandbox" in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/media/missing.jpg", "/media/page.html", "/media/a/../b.jpg",
                                  "/media/2026/nothing/here.png"])
def test_missing_or_unservable_media_gets_the_themed_404(blog, media_client, path):
    boto3.client("s3").put_object(Bucket=BUCKET, Key="media/page.html", Body=b"<p>hi</p>")
    response = media_client.http.get(path, headers={"accept": "text/html"})
    assert response.status_code == 404
    assert response.headers["Content-Type"].startswith("text/html")
    assert b"error404" in response.body


def test_a_file_too_big_for_a_lambda_answer_redirects_to_s3(blog, media_client):
    boto3.client("s3").put_object(Bucket=BUCKET, Key="media/talk.mp4",
                                  Body=b"\0\0\0\x18ftypmp42" + b"\0" * MAX_INLINE_BYTES)
    response = media_client.http.get("/media/talk.mp4", headers={"accept": "*/*"})
    assert response.status_code == 302
    location = response.headers["Location"]
    assert "talk.mp4" in location and "Signature" in location and BUCKET in location
    assert response.headers["Cache-Control"] == "no-store"


def proxy_event(path, accept):
    """The event API Gateway sends for ``GET path`` through `/media/{path+}`."""
    rest = path[len("/media/"):]
    headers = {"host": "abc.execute-api.eu-west-1.amazonaws.com", "accept": accept}
    return {
        "resource": "/media/{path+}", "path": path, "httpMethod": "GET",
        "headers": headers, "multiValueHeaders": {k: [v] for k, v in headers.items()},
        "queryStringParameters": None, "multiValueQueryStringParameters": None,
        "pathParameters": {"path": rest}, "stageVariables": None,
        "requestContext": {"resourcePath": "/media/{path+}", "httpMethod": "GET",
                           "path": f"/api{path}", "stage": "api",
                           "identity": {"sourceIp": "203.0.113.9"}},
        "body": None, "isBase64Encoded": False,
    }


@pytest.mark.parametrize("accept", [
    "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8",   # an <img>
    "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",   # opened in a tab
])
def test_binary_bytes_survive_api_gateways_base64_round_trip(blog, accept):
    data = picture(320, 200)
    upload(blog, "media/2026/photo.jpg", data)
    response = app(proxy_event("/media/2026/photo.jpg", accept), None)
    assert response["statusCode"] == 200 and response["isBase64Encoded"] is True
    assert "*/*" in app.api.binary_types
    assert base64.b64decode(response["body"]) == data == gateway_body(response)


def test_a_request_with_no_accept_header_still_gets_its_page(blog, corpus):
    event = proxy_event("/media/none.jpg", "x")
    del event["headers"]["accept"]
    response = app(event, None)
    assert response["statusCode"] == 404 and "error404" in gateway_text(response)


# Cover images and link previews ------------------------------------------------------

def test_a_cover_image_shows_on_the_post_and_in_listings_and_is_the_og_image(blog,
                                                                            media_client):
    upload(blog, WIDE, picture(2000, 1333))
    publish(blog, POST, "Words only.\n", title="Harbour", date="2026-05-01",
            image='"/media/2026/harbour view.jpg"', image_alt="Boats at dusk")
    _, post = page(media_client, "/posts/harbour")
    cover = images_in(post)[0]
    assert cover["alt"] == "Boats at dusk" and cover["src"] == WIDE_PATH
    assert_sized(cover)
    assert "loading" not in cover
    og = dict(re.findall(r'<meta property="(og:image[:a-z]*)" content="([^"]*)"', post))
    assert og["og:image"].startswith("https://blog.example.org/media/_v/2026/harbour%20view.jpg/")
    assert og["og:image"].endswith("-1600w.jpg")
    assert (og["og:image:width"], og["og:image:height"]) == ("1600", "1066")
    _, home = page(media_client, "/")
    listed = [image for image in images_in(home) if image.get("alt") == "Boats at dusk"]
    assert listed and listed[0]["loading"] == "lazy"


def test_without_a_cover_the_first_image_is_the_og_image(blog, media_client):
    upload(blog, WIDE, picture(900, 600))
    publish(blog, POST, POST_TEXT, title="Harbour", date="2026-05-01")
    _, post = page(media_client, "/posts/harbour")
    og = dict(re.findall(r'<meta property="(og:image[:a-z]*)" content="([^"]*)"', post))
    assert og["og:image"].startswith("https://blog.example.org/media/")
    assert (og["og:image:width"], og["og:image:height"]) == ("900", "600")


def test_a_cover_that_is_not_a_media_path_or_url_is_refused(blog):
    result = publish(blog, POST, "Text.\n", title="Bad", image="'javascript:alert(1)'")
    assert result.action == "error" and "'image'" in result.detail


# blog check ---------------------------------------------------------------------------

def test_check_warns_about_missing_media_and_images_without_alt_text(tmp_path):
    from blog_cli.checking import check_paths

    (tmp_path / "posts").mkdir()
    (tmp_path / "media" / "2026").mkdir(parents=True)
    (tmp_path / "media" / "2026" / "here.jpg").write_bytes(picture(64, 64))
    (tmp_path / "posts" / "pictures.md").write_text(
        "---\ntitle: Pictures\ndate: 2026-05-01\n---\n"
        "![Present](/media/2026/here.jpg)\n\n"
        "![](/media/2026/here.jpg)\n\n"
        "![Gone](/media/2026/missing.jpg)\n")
    report = check_paths([tmp_path])
    assert report.ok  # warnings never stop a publish: the file may be in the bucket
    post = tmp_path / "posts" / "pictures.md"
    assert report.warnings == [
        f"{post}:7: image without alt text: /media/2026/here.jpg",
        f"{post}:9: /media/2026/missing.jpg is not in {tmp_path / 'media'}; "
        "it must already be in the bucket",
    ]


def test_publish_uploads_the_pictures_a_post_shows_before_the_post(blog, media_client, tmp_path):
    from click.testing import CliRunner

    from blog_cli.main import cli

    (tmp_path / "posts").mkdir()
    (tmp_path / "media" / "2026").mkdir(parents=True)
    (tmp_path / "media" / "2026" / "harbour view.jpg").write_bytes(picture(2000, 1333))
    (tmp_path / "posts" / "harbour.md").write_text(
        "---\ntitle: Harbour\ndate: 2026-05-01\n---\n" + POST_TEXT)
    result = CliRunner().invoke(cli, ["publish", str(tmp_path / "posts" / "harbour.md")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("/media/2026/harbour view.jpg (indexed")
    assert lines[1].startswith("/posts/harbour (indexed")
    assert_sized(images_in(page(media_client, "/posts/harbour")[1])[0])
