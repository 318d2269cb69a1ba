"""The media a rendered document shows: sized ``<img>`` tags, its cover, its og:image.

Runs at index time, right after Markdown (the S3 handler, ``blog publish``,
local mode), with whatever the index knows of each image then. An image
uploaded later makes ``media_sync`` index the document again, so the order
of the uploads never matters.
"""
from dataclasses import replace
from urllib.parse import quote

from chalicelib.images import img_tag, media_path, media_sources, size_images
from chalicelib.media import key_for_path


def apply_media(document, lookup):
    """``document`` with its images sized, its cover tags, og:image and the media keys it shows.

    ``lookup(media_key)`` returns the index's MediaInfo or None.
    """
    cover_path = media_path(document.cover) if document.cover else None
    paths = []
    for path in [cover_path, *media_sources(document.body_html),
                 *media_sources(document.summary_html)]:
        if path and path not in paths:
            paths.append(path)
    infos = {path: lookup(key_for_path(path)) for path in paths}
    changes = {
        "body_html": size_images(document.body_html, infos.get, eager_first=not document.cover),
        "summary_html": size_images(document.summary_html, infos.get),
        "media_keys": [key_for_path(path) for path in paths],
        "og_image": _og_image(document, cover_path, paths, infos),
    }
    if document.cover:
        cover_info = infos.get(cover_path)
        changes["cover_html"] = img_tag(document.cover, document.cover_alt, cover_info,
                                        lazy=False)
        changes["cover_listing_html"] = img_tag(document.cover, document.cover_alt,
                                                cover_info, lazy=True)
    return replace(document, **changes)


def _og_image(document, cover_path, paths, infos):
    """The cover, else the first raster image: its largest JPEG/PNG copy where there is one."""
    if document.cover and not cover_path:
        return {"url": document.cover, "width": None, "height": None}
    candidates = [cover_path] if cover_path else paths
    for path in candidates:
        info = infos.get(path)
        if info is not None and info.content_type == "image/svg+xml":
            continue  # link previews do not show SVG
        if info is not None and info.classic is not None:
            return {"url": quote(info.classic.url), "width": info.classic.width,
                    "height": info.classic.height}
        if info is not None:
            return {"url": quote(path), "width": info.width, "height": info.height}
        return {"url": quote(path), "width": None, "height": None}
    return None
