"""Media files: which types are served, what an upload really is, and its variants.

An object under ``media/`` is served with the type its extension names in
``TYPES`` (nothing else is served). Before an image gets sizes or variants its
bytes must prove to be what the extension says, decode completely and stay
under ``MAX_PIXELS``; anything else raises ``MediaError`` with the reason.

Variants are written under ``VARIANT_PREFIX`` (``media/_v/``), inside
``media/`` so that one route, one CloudFront behaviour and one IAM grant on
``media/*`` serve them too. The S3 handler must ignore that prefix (its own
output would trigger it again). Each variant's key holds the hash of the
original's bytes, so its URL changes whenever the original does and it can be
cached for a year; the original's path is a folder of its variants, so
deleting the original finds them all.

Pillow is imported lazily: only the S3 handler and the CLI decode images.
"""
import hashlib
import io
import warnings
from dataclasses import dataclass, field

from chalicelib.errors import ContentError

MEDIA_PREFIX = "media/"
VARIANT_PREFIX = "media/_v/"
SITE_PREFIX = "/media/"

TYPES = {
    "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif",
    "webp": "image/webp", "avif": "image/avif", "svg": "image/svg+xml",
    "ico": "image/x-icon", "pdf": "application/pdf", "mp3": "audio/mpeg",
    "m4a": "audio/mp4", "ogg": "audio/ogg", "oga": "audio/ogg", "wav": "audio/wav",
    "mp4": "video/mp4", "m4v": "video/mp4", "webm": "video/webm", "ogv": "video/ogg",
    "txt": "text/plain; charset=utf-8", "csv": "text/csv; charset=utf-8",
    "zip": "application/zip",
}
# The Pillow format each raster extension must decode as.
RASTER_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "gif": "GIF",
                  "webp": "WEBP", "avif": "AVIF"}
# The file signatures of the other types: (offset, bytes) any of which must match.
SIGNATURES = {
    "ico": ((0, b"\0\0\1\0"),),
    "pdf": ((0, b"%PDF-"),),
    "mp3": ((0, b"ID3"), (0, b"\xff\xfb"), (0, b"\xff\xf3"), (0, b"\xff\xf2"),
            (0, b"\xff\xe3")),
    "m4a": ((4, b"ftyp"),), "mp4": ((4, b"ftyp"),), "m4v": ((4, b"ftyp"),),
    "ogg": ((0, b"OggS"),), "oga": ((0, b"OggS"),), "ogv": ((0, b"OggS"),),
    "wav": ((0, b"RIFF"),),
    "webm": ((0, b"\x1a\x45\xdf\xa3"),),
    "zip": ((0, b"PK\x03\x04"), (0, b"PK\x05\x06")),
}
TEXT_TYPES = ("txt", "csv")

# Past this many pixels an image is a decompression bomb for a Lambda: decoding
# 60 Mpx RGB takes 180 MB before any copy. Pillow's own limit is 89 Mpx.
MAX_PIXELS = 60_000_000
VARIANT_WIDTHS = (480, 960, 1600)
DIGEST_CHARS = 16
WEBP_OPTIONS = {"quality": 80, "method": 4}
AVIF_OPTIONS = {"quality": 60, "speed": 8}
JPEG_OPTIONS = {"quality": 82, "optimize": True, "progressive": True}
PNG_OPTIONS = {"optimize": True}
# Where the largest variant keeps a classic format (for og:image and old
# readers), which format that is.
CLASSIC_FORMAT = {"JPEG": "JPEG", "PNG": "PNG", "GIF": "PNG"}
EXTENSION_OF = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "AVIF": "avif"}
TYPE_OF = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp",
           "AVIF": "image/avif"}


class MediaError(ContentError):
    """A media file that must not get sizes or variants: lying, corrupt or too big."""


@dataclass(frozen=True)
class Variant:
    """One resized copy of an image, as stored under ``VARIANT_PREFIX``."""

    key: str
    width: int
    height: int
    content_type: str
    size: int
    data: bytes = field(default=b"", repr=False, compare=False)

    @property
    def url(self):
        """The variant's site path."""
        return site_path(self.key)

    def record(self):
        """The variant as stored in the index (without its bytes)."""
        return {"key": self.key, "w": self.width, "h": self.height,
                "type": self.content_type, "bytes": self.size}

    @classmethod
    def from_record(cls, record):
        """The inverse of ``record``."""
        return cls(key=record["key"], width=int(record["w"]), height=int(record["h"]),
                   content_type=record["type"], size=int(record["bytes"]))


@dataclass(frozen=True)
class MediaInfo:
    """What the index knows of one media object: its type, size and variants."""

    key: str
    content_type: str
    size: int
    digest: str
    width: int | None = None
    height: int | None = None
    variants: tuple = ()
    # The largest variant in a classic format (JPEG/PNG): og:image's choice.
    classic: Variant | None = None

    @property
    def path(self):
        """The site path the original is served at."""
        return site_path(self.key)

    @property
    def is_image(self):
        """True when the object has pixel dimensions (rasters and SVG)."""
        return bool(self.width and self.height)

    def record(self):
        """The info as stored in the index."""
        record = {"key": self.key, "type": self.content_type, "bytes": self.size,
                  "digest": self.digest,
                  "variants": [variant.record() for variant in self.variants]}
        if self.is_image:
            record.update(w=self.width, h=self.height)
        if self.classic:
            record["classic"] = self.classic.record()
        return record

    @classmethod
    def from_record(cls, record):
        """The inverse of ``record``."""
        classic = record.get("classic")
        return cls(key=record["key"], content_type=record["type"],
                   size=int(record["bytes"]), digest=record["digest"],
                   width=int(record["w"]) if record.get("w") else None,
                   height=int(record["h"]) if record.get("h") else None,
                   variants=tuple(Variant.from_record(v) for v in record.get("variants", ())),
                   classic=Variant.from_record(classic) if classic else None)


def extension(key):
    """The lower-case extension of a key or path, without the dot."""
    name = key.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def content_type(key):
    """The Content-Type a media key is served with, or None when it is not allowed."""
    return TYPES.get(extension(key))


def is_media_key(key):
    """True for an original under ``media/`` (a variant is not one)."""
    return key.startswith(MEDIA_PREFIX) and not is_variant_key(key)


def is_variant_key(key):
    """True for a key the variant maker wrote: the S3 handler ignores these."""
    return key.startswith(VARIANT_PREFIX)


def site_path(key):
    """``media/2026/a.jpg`` -> ``/media/2026/a.jpg``."""
    return "/" + key


def key_for_path(path):
    """The S3 key of a ``/media/`` site path, or None when it names no safe key."""
    if not path.startswith(SITE_PREFIX):
        return None
    key = path[1:]
    parts = key.split("/")
    if any(part in ("", ".", "..") for part in parts) or "\\" in key or "\0" in key:
        return None
    return key


def variant_folder(key):
    """The prefix under which every variant of the original ``key`` lies."""
    return VARIANT_PREFIX + key[len(MEDIA_PREFIX):] + "/"


def variant_key(key, digest, width, image_format):
    """The key of one variant: the original's folder, its bytes' hash, the width."""
    return f"{variant_folder(key)}{digest}-{width}w.{EXTENSION_OF[image_format]}"


def digest_of(data):
    """A short hash of the bytes: it names the variants, so they change with them."""
    return hashlib.sha256(data).hexdigest()[:DIGEST_CHARS]


def inspect(data, key):
    """What ``data`` (the bytes of ``key``) is, or MediaError saying why it is refused."""
    ext = extension(key)
    kind = content_type(key)
    if kind is None:
        raise MediaError(f"'.{ext}' files are not served (allowed: "
                         f"{', '.join(sorted(TYPES))})", key=key)
    digest = digest_of(data)
    if ext in RASTER_FORMATS:
        image, (width, height) = _open_image(data, key)
        image.close()
        return MediaInfo(key=key, content_type=kind, size=len(data), digest=digest,
                         width=width, height=height)
    if ext == "svg":
        width, height = _svg_size(data, key)
        return MediaInfo(key=key, content_type=kind, size=len(data), digest=digest,
                         width=width, height=height)
    _check_signature(data, key, ext)
    return MediaInfo(key=key, content_type=kind, size=len(data), digest=digest)


def _open_image(data, key, draft_width=None):
    """The decoded image and its size as shown, refusing lies, corruption and bombs.

    With ``draft_width``, a JPEG may decode at a fraction of its size (the DCT
    scales by 1/2, 1/4, 1/8) as long as it stays at least that wide as shown.
    """
    from PIL import Image, UnidentifiedImageError

    expected = RASTER_FORMATS[extension(key)]
    with warnings.catch_warnings():
        # Pillow only warns between its limit and twice it: a bomb all the same.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise MediaError("the image is too large to decode (a decompression bomb?)",
                             key=key) from None
        except UnidentifiedImageError:
            raise MediaError(f"the bytes are not a {expected} image", key=key) from None
        except (OSError, ValueError, SyntaxError) as error:
            raise MediaError(f"the image is corrupt: {error}", key=key) from None
        if image.format != expected:
            found = image.format
            image.close()
            raise MediaError(f"the file is {found}, not {expected} as its extension says",
                             key=key)
        if image.width * image.height > MAX_PIXELS:
            image.close()
            raise MediaError(f"the image is too large to decode ({image.width}x"
                             f"{image.height} px; the limit is {MAX_PIXELS:,} px)", key=key)
        shown_width, shown_height = _oriented_size(image)
        if draft_width and image.format == "JPEG" and draft_width < shown_width:
            box = (draft_width, round(shown_height * draft_width / shown_width))
            if (shown_width, shown_height) != image.size:  # stored turned a quarter
                box = box[::-1]
            image.draft("RGB", box)
        try:
            image.load()
        except (OSError, ValueError, SyntaxError, EOFError) as error:
            image.close()
            raise MediaError(f"the image is corrupt: {error}", key=key) from None
    return image, (shown_width, shown_height)


def _oriented_size(image):
    """Width and height as shown: EXIF orientations 5 to 8 turn the image a quarter."""
    orientation = image.getexif().get(0x0112, 1)
    if orientation in (5, 6, 7, 8):
        return image.height, image.width
    return image.width, image.height


def _svg_size(data, key):
    """The size an SVG asks for (width/height, else its viewBox), refusing non-SVG."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise MediaError(f"the SVG is not well-formed XML: {error}", key=key) from None
    if root is None or etree.QName(root).localname != "svg":
        raise MediaError("the file is not an SVG image", key=key)
    width, height = _svg_length(root.get("width")), _svg_length(root.get("height"))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        try:
            box_width, box_height = float(box[2]), float(box[3])
        except ValueError:
            box_width = box_height = 0
        if box_width > 0 and box_height > 0:
            if width and not height:
                height = round(width * box_height / box_width)
            elif height and not width:
                width = round(height * box_width / box_height)
            elif not width and not height:
                width, height = round(box_width), round(box_height)
    if width and height:
        return width, height
    return None, None


def _svg_length(value):
    """A plain or px length as whole pixels; None for %, em and the like."""
    if not value:
        return None
    value = value.strip().removesuffix("px")
    try:
        number = float(value)
    except ValueError:
        return None
    return round(number) if number > 0 else None


def _check_signature(data, key, ext):
    if ext in TEXT_TYPES:
        if b"\0" in data:
            raise MediaError(f"a .{ext} file must be text, not binary", key=key)
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            raise MediaError(f"a .{ext} file must be UTF-8 text", key=key) from None
        return
    signatures = SIGNATURES.get(ext, ())
    if signatures and not any(data[offset:offset + len(magic)] == magic
                              for offset, magic in signatures):
        raise MediaError(f"the bytes are not a .{ext} file", key=key)


def make_variants(data, key, widths=VARIANT_WIDTHS, formats=None):
    """``inspect`` plus the resized copies of a raster image, as a MediaInfo.

    Widths are those of ``widths`` narrower than the original, and the
    original's own width when it is no wider than the largest: each in the
    smallest of ``formats`` (WebP, and AVIF where Pillow has it); the largest
    also in the original's classic format (JPEG or PNG). A copy larger in bytes
    than the original is dropped. Animated images are left as they are.
    """
    if extension(key) not in RASTER_FORMATS:
        return inspect(data, key)
    from PIL import Image, ImageOps

    formats = formats or modern_formats()
    image, (width, height) = _open_image(data, key, draft_width=max(widths))
    with image:
        info = MediaInfo(key=key, content_type=content_type(key), size=len(data),
                         digest=digest_of(data), width=width, height=height)
        if getattr(image, "is_animated", False):
            return info
        source_format = image.format
        icc_profile = image.info.get("icc_profile")
        current = _displayable(ImageOps.exif_transpose(image))
    targets = [target for target in widths if target < width]
    if width <= max(widths):
        targets.append(width)
    variants, classic = [], None
    for target in sorted(targets, reverse=True):
        size = (target, max(1, round(height * target / width)))
        if size != current.size:
            # Each smaller copy comes from the previous one: far less work than
            # from the original, and the same look at these ratios.
            current = current.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
        smallest = min((_encode(current, info, image_format, icc_profile)
                        for image_format in formats), key=lambda variant: variant.size)
        if smallest.size <= info.size:
            variants.append(smallest)
        if target == max(targets) and source_format in CLASSIC_FORMAT:
            fallback = _encode(current, info, CLASSIC_FORMAT[source_format], icc_profile)
            if fallback.size <= info.size:
                classic = fallback
    variants.sort(key=lambda variant: variant.width)
    return MediaInfo(key=key, content_type=info.content_type, size=info.size,
                     digest=info.digest, width=width, height=height,
                     variants=tuple(variants), classic=classic)


def modern_formats():
    """WebP, and AVIF when this Pillow can write it."""
    from PIL import features

    return ("WEBP", "AVIF") if features.check("avif") else ("WEBP",)


def _displayable(image):
    """The image in a mode every output format takes: RGB, or RGBA when it has alpha."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info)
    wanted = "RGBA" if has_alpha else "RGB"
    return image if image.mode == wanted else image.convert(wanted)


def _encode(image, info, image_format, icc_profile):
    options = {"WEBP": WEBP_OPTIONS, "AVIF": AVIF_OPTIONS, "JPEG": JPEG_OPTIONS,
               "PNG": PNG_OPTIONS}[image_format]
    if image_format == "JPEG" and image.mode != "RGB":
        image = image.convert("RGB")
    buffer = io.BytesIO()
    extra = {"icc_profile": icc_profile} if icc_profile else {}
    image.save(buffer, image_format, **options, **extra)
    data = buffer.getvalue()
    return Variant(key=variant_key(info.key, info.digest, image.width, image_format),
                   width=image.width, height=image.height,
                   content_type=TYPE_OF[image_format], size=len(data), data=data)

