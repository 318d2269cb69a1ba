"""Media without AWS: allowed types, what bytes really are, variants, responsive <img> tags."""
import io

import pytest
from PIL import Image

from chalicelib import media
from chalicelib.images import media_path, media_sources, size_images, srcset
from chalicelib.media import MediaError, MediaInfo, Variant
from tests.helpers import images_in, picture, png_header_only


@pytest.fixture(scope="module")
def wide_photo():
    """A 2000x1333 JPEG and what make_variants made of it."""
    data = picture(2000, 1333)
    return data, media.make_variants(data, "media/2026/wide photo.jpg")


# Types ---------------------------------------------------------------------------

@pytest.mark.parametrize("key, expected", [
    ("media/a.jpg", "image/jpeg"), ("media/a.JPEG", "image/jpeg"), ("media/a.png", "image/png"),
    ("media/a.gif", "image/gif"), ("media/a.webp", "image/webp"), ("media/a.avif", "image/avif"),
    ("media/a.svg", "image/svg+xml"), ("media/a.pdf", "application/pdf"),
    ("media/a.mp3", "audio/mpeg"), ("media/a.mp4", "video/mp4"), ("media/a.ogg", "audio/ogg"),
    ("media/a.webm", "video/webm"), ("media/notes.txt", "text/plain; charset=utf-8"),
])
def test_allowed_extensions_are_served_with_their_type(key, expected):
    assert media.content_type(key) == expected


@pytest.mark.parametrize("key", ["media/page.html", "media/run.exe", "media/script.js",
                                 "media/README", "media/archive.tar.gz"])
def test_other_extensions_are_not_served_and_inspecting_them_says_so(key):
    assert media.content_type(key) is None
    with pytest.raises(MediaError, match="not served"):
        media.inspect(b"<html><script>alert(1)</script>", key)


def test_variants_live_in_their_own_prefix_that_the_handler_tells_apart():
    key = media.variant_key("media/2026/a.jpg", "0123456789abcdef", 480, "WEBP")
    assert key == "media/_v/2026/a.jpg/0123456789abcdef-480w.webp"
    assert media.is_variant_key(key) and not media.is_media_key(key)
    assert media.is_media_key("media/2026/a.jpg") and not media.is_variant_key("media/2026/a.jpg")
    assert key.startswith(media.variant_folder("media/2026/a.jpg"))


@pytest.mark.parametrize("path, key", [
    ("/media/2026/a.jpg", "media/2026/a.jpg"), ("/media/../posts/a.md", None),
    ("/media/a//b.jpg", None), ("/media/./a.jpg", None), ("/posts/a.md", None),
])
def test_site_paths_map_to_keys_only_inside_media(path, key):
    assert media.key_for_path(path) == key


# What the bytes really are --------------------------------------------------------

def test_a_real_jpeg_reports_its_size_type_and_a_hash_of_its_bytes():
    data = picture(640, 480)
    info = media.inspect(data, "media/a.jpg")
    assert (info.width, info.height, info.content_type, info.size) == (
        640, 480, "image/jpeg", len(data))
    assert info.digest == media.digest_of(data) and len(info.digest) == 16


def test_a_png_named_jpg_is_refused_as_a_lying_extension():
    with pytest.raises(MediaError, match="PNG, not JPEG"):
        media.inspect(picture(64, 64, "PNG"), "media/photo.jpg")


def test_html_named_png_is_refused():
    with pytest.raises(MediaError, match="not a PNG image"):
        media.inspect(b"<html><body><script>alert(1)</script></body></html>", "media/a.png")


@pytest.mark.parametrize("key, data", [
    ("media/paper.pdf", b"<html>not a pdf</html>"),
    ("media/song.mp3", b"MZ\x90\x00 an executable"),
    ("media/clip.mp4", b"\x00\x00\x00\x18moov...."),
    ("media/notes.txt", b"text\x00with a NUL"),
    ("media/notes.txt", b"\xff\xfe not utf-8 \xc3"),
])
def test_non_images_must_carry_their_types_signature(key, data):
    with pytest.raises(MediaError):
        media.inspect(data, key)


@pytest.mark.parametrize("key, data", [
    ("media/paper.pdf", b"%PDF-1.7\n..."),
    ("media/song.mp3", b"ID3\x04\x00rest"),
    ("media/clip.mp4", b"\x00\x00\x00\x18ftypmp42rest"),
    ("media/sound.ogg", b"OggS\x00rest"),
    ("media/clip.webm", b"\x1a\x45\xdf\xa3rest"),
    ("media/notes.txt", "Grüße\n".encode()),
])
def test_non_images_with_the_right_signature_are_accepted_without_a_size(key, data):
    info = media.inspect(data, key)
    assert info.width is None and not info.is_image and info.size == len(data)


def test_a_truncated_jpeg_is_refused_as_corrupt():
    data = picture(800, 600)
    with pytest.raises(MediaError, match="corrupt"):
        media.inspect(data[: len(data) // 2], "media/cut.jpg")


def test_random_bytes_named_jpg_are_refused():
    with pytest.raises(MediaError):
        media.make_variants(bytes(range(256)) * 40, "media/noise.jpg")


@pytest.mark.parametrize("width, height", [
    (8_000, 8_000),      # over the blog's own limit, under Pillow's
    (10_000, 10_000),    # Pillow warns: treated as the bomb it is
    (40_000, 40_000),    # Pillow refuses outright
])
def test_decompression_bombs_are_refused_before_they_are_decoded(width, height):
    bomb = png_header_only(width, height)
    assert len(bomb) < 200
    with pytest.raises(MediaError, match="too large to decode"):
        media.make_variants(bomb, "media/bomb.png")


def test_an_svg_reports_its_size_from_its_view_box():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150"><rect/></svg>'
    info = media.inspect(svg, "media/logo.svg")
    assert (info.width, info.height, info.content_type) == (300, 150, "image/svg+xml")


def test_an_svg_with_an_entity_that_reads_a_file_does_not_read_it():
    svg = (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="20">&x;</svg>')
    info = media.inspect(svg, "media/x.svg")
    assert (info.width, info.height) == (10, 20)


def test_xml_that_is_not_svg_is_refused_under_an_svg_name():
    with pytest.raises(MediaError, match="not an SVG"):
        media.inspect(b"<html><body/></html>", "media/fake.svg")


# Variants -------------------------------------------------------------------------

def test_a_wide_photo_gets_three_narrower_variants_each_smaller_than_the_original(wide_photo):
    data, info = wide_photo
    assert (info.width, info.height) == (2000, 1333)
    assert [variant.width for variant in info.variants] == [480, 960, 1600]
    for variant in info.variants:
        assert variant.content_type in ("image/webp", "image/avif")
        assert variant.size == len(variant.data) <= len(data)
        assert variant.height == round(1333 * variant.width / 2000)
        assert variant.key.startswith("media/_v/2026/wide photo.jpg/" + info.digest)
        with Image.open(io.BytesIO(variant.data)) as decoded:
            assert decoded.size == (variant.width, variant.height)


def test_the_largest_variant_is_also_kept_as_a_jpeg_for_link_previews(wide_photo):
    data, info = wide_photo
    assert info.classic.content_type == "image/jpeg" and info.classic.width == 1600
    assert info.classic.size <= len(data)
    with Image.open(io.BytesIO(info.classic.data)) as decoded:
        assert decoded.format == "JPEG"


def test_changed_bytes_give_variants_new_urls(wide_photo):
    _, info = wide_photo
    changed = media.make_variants(picture(2000, 1333, mode="RGB") + b"\0",
                                  "media/2026/wide photo.jpg")
    assert {v.key for v in changed.variants}.isdisjoint(v.key for v in info.variants)


def test_no_variant_is_wider_than_a_small_original():
    info = media.make_variants(picture(700, 500), "media/small.jpg")
    assert [variant.width for variant in info.variants] in ([480, 700], [480])
    assert all(variant.width <= 700 for variant in info.variants)


def test_a_variant_larger_in_bytes_than_the_original_is_dropped():
    flat = io.BytesIO()
    Image.new("1", (1200, 800), 1).save(flat, "PNG", optimize=True)
    data = flat.getvalue()
    info = media.make_variants(data, "media/flat.png", formats=("JPEG",))
    assert len(info.variants) < 3
    assert all(variant.size <= len(data) for variant in info.variants)
    assert info.classic is None or info.classic.size <= len(data)


def test_exif_orientation_is_applied_to_the_size_and_the_variants():
    data = picture(1200, 800, exif_orientation=6)
    info = media.make_variants(data, "media/turned.jpg")
    assert (info.width, info.height) == (800, 1200)
    assert all(variant.height > variant.width for variant in info.variants)
    with Image.open(io.BytesIO(info.variants[0].data)) as decoded:
        assert decoded.height > decoded.width


def test_transparent_pngs_keep_their_transparency():
    info = media.make_variants(picture(1000, 600, "PNG", mode="RGBA"), "media/logo.png")
    assert info.variants
    with Image.open(io.BytesIO(info.variants[0].data)) as decoded:
        assert decoded.mode == "RGBA"


def test_an_animated_gif_keeps_its_frames_and_gets_only_its_size():
    frames = [Image.new("RGB", (600, 400), colour)
              for colour in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100)
    info = media.make_variants(buffer.getvalue(), "media/anim.gif")
    assert (info.width, info.height, info.variants) == (600, 400, ())


def test_the_index_record_round_trips(wide_photo):
    _, info = wide_photo
    assert MediaInfo.from_record(info.record()) == info


# Responsive <img> tags -----------------------------------------------------------

WIDE = MediaInfo(
    key="media/2026/wide photo.jpg", content_type="image/jpeg", size=400_000,
    digest="0123456789abcdef", width=2000, height=1333,
    variants=tuple(Variant(f"media/_v/2026/wide photo.jpg/0123456789abcdef-{w}w.webp", w,
                           round(1333 * w / 2000), "image/webp", 1000 * w // 10)
                   for w in (480, 960, 1600)))
KNOWN = {"/media/2026/wide photo.jpg": WIDE}


def test_a_media_image_gets_its_size_srcset_sizes_and_lazy_loading():
    markup = '<p><img alt="Harbour" src="/media/2026/wide%20photo.jpg"></p>'
    (image,) = images_in(size_images(markup, KNOWN.get))
    assert (image["width"], image["height"]) == ("2000", "1333")
    candidates = [part.strip().split() for part in image["srcset"].split(",")]
    assert [width for _, width in candidates] == ["480w", "960w", "1600w"]
    assert candidates[0][0] == "/media/_v/2026/wide%20photo.jpg/0123456789abcdef-480w.webp"
    assert "680px" in image["sizes"]
    assert (image["loading"], image["decoding"]) == ("lazy", "async")
    assert (image["alt"], image["src"]) == ("Harbour", "/media/2026/wide%20photo.jpg")


def test_the_first_image_of_a_post_page_loads_eagerly_and_the_rest_lazily():
    markup = ('<p><img src="/media/2026/wide%20photo.jpg" alt="one"></p>'
              '<p><img src="/media/2026/wide%20photo.jpg" alt="two"></p>')
    first, second = images_in(size_images(markup, KNOWN.get, eager_first=True))
    assert "loading" not in first and first["width"] == "2000"
    assert second["loading"] == "lazy"


def test_images_outside_media_and_everything_else_are_left_byte_for_byte():
    markup = ('<p>a &amp; b <code>&lt;img src="/media/x.jpg"&gt;</code></p>\n'
              '<!-- <img src="/media/2026/wide%20photo.jpg"> -->\n'
              '<img src="https://example.org/a.jpg" alt=x>\n'
              '<img src="data:image/png;base64,AAAA">\n'
              '<img src="/media/_v/2026/a.jpg/0123-480w.webp">\n'
              '<img src="//cdn.example.org/media/a.jpg">\n'
              '<pre>  <b>kept</b>\n</pre>')
    assert size_images(markup, KNOWN.get, eager_first=True) == markup


def test_only_the_img_tag_changes_around_it():
    before, after = '<p class="x">Look:\n<br>', ' <em>ok</em></p>\n<hr>'
    markup = before + '<img src="/media/2026/wide%20photo.jpg" alt="a &quot;q&quot;" />' + after
    result = size_images(markup, KNOWN.get)
    assert result.startswith(before) and result.endswith(after)
    tag = result[len(before):-len(after)]
    assert tag.startswith('<img src="/media/2026/wide%20photo.jpg" alt="a &quot;q&quot;" width=')
    assert tag.endswith(" />")


def test_an_image_not_uploaded_yet_or_refused_stays_plain_but_lazy():
    (image,) = images_in(size_images('<img src="/media/later.jpg" alt="soon">', {}.get))
    assert image == {"src": "/media/later.jpg", "alt": "soon", "loading": "lazy",
                     "decoding": "async"}


def test_a_width_the_author_chose_is_kept_and_the_height_follows_the_aspect_ratio():
    markup = '<img src="/media/2026/wide%20photo.jpg" width="500">'
    (image,) = images_in(size_images(markup, KNOWN.get))
    assert (image["width"], image["height"]) == ("500", "333")
    assert "500px" in image["sizes"]


def test_a_small_image_with_one_variant_still_gets_its_size():
    small = MediaInfo(key="media/icon.png", content_type="image/png", size=900,
                      digest="d", width=300, height=200)
    (image,) = images_in(size_images('<img src="/media/icon.png">',
                                         {"/media/icon.png": small}.get))
    assert (image["width"], image["height"]) == ("300", "200") and "srcset" not in image
    assert srcset(small) == ""


def test_media_sources_lists_each_media_image_once_in_order():
    markup = ('<img src="/media/b.png"><img src="https://x/a.jpg">'
              '<img src="/media/a%20b.jpg"><img src="/media/b.png">')
    assert media_sources(markup) == ["/media/b.png", "/media/a b.jpg"]


@pytest.mark.parametrize("src, path", [
    ("/media/a.jpg?v=2#top", "/media/a.jpg"), ("/media/a%20b.jpg", "/media/a b.jpg"),
    ("https://example.org/media/a.jpg", None), ("/media/../a.jpg", None),
    ("/media/_v/a.jpg/0-480w.webp", None), ("", None), (None, None),
])
def test_media_path_accepts_only_site_paths_under_media(src, path):
    assert media_path(src) == path
