"""Portrait photos: accepted by their content, not their name, and re-encoded before storing.

The checks run in the order that keeps memory bounded:

1. the byte size (the upload route has already refused a longer body while it streamed in,
   see `adapters.uploads`);
2. the format and the dimensions, read from the file's header alone (Pillow's `Image.open` is
   lazy): a picture of more than `MAX_PIXELS` is refused as "too large" before a pixel is decoded;
3. the decoding, JPEG through `draft()` (the decoder scales down by 1/2, 1/4 or 1/8 while it
   reads, so a 24-megapixel photo never becomes 24 megapixels in memory), and at most
   `DECODING_AT_ONCE` decodings at a time, so parallel uploads cannot add up;
4. a new JPEG written from the pixels alone: no EXIF (which can hold the home's GPS position), no
   comment segment, no ICC or XMP text, nothing smuggled after the image data.
"""

import io
import threading
import warnings

from PIL import ExifTags, Image, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 24_000_000  # a 24-megapixel camera: far more than a 1024-pixel portrait needs
MAX_SIDE = 1024
ACCEPTED_FORMATS = ("JPEG", "PNG")
DECODING_AT_ONCE = 2  # a 24-megapixel PNG decodes to ~96 MB; two at a time bound the total

# Pillow refuses (DecompressionBombError) anything over twice this while reading the header, for
# every image the portal opens, not only portraits.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

# Why a photo is refused, as the ValueError says it; the domain (domain.profile.pictures) tells
# the person in their own language.
TOO_LARGE = "That photo is larger than 5 MB."
TOO_MANY_PIXELS = f"That photo is too large (limit {MAX_PIXELS // 1_000_000} megapixels)."
NOT_A_PHOTO = "That file is not a JPEG or PNG photo."

_decoding = threading.BoundedSemaphore(DECODING_AT_ONCE)


def reencode_portrait(data: bytes) -> bytes:
    """A clean JPEG of at most 1024 px a side, or ValueError with a message for the person."""
    if len(data) > MAX_BYTES:
        raise ValueError(TOO_LARGE)
    if not data:
        raise ValueError(NOT_A_PHOTO)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            _check_header(data)
            with _decoding:
                upright = _decode(data)
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise ValueError(TOO_MANY_PIXELS) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as error:
            if isinstance(error, ValueError) and str(error) in (TOO_MANY_PIXELS, NOT_A_PHOTO):
                raise
            raise ValueError(NOT_A_PHOTO) from None
    return _clean_jpeg(upright)


def _check_header(data: bytes) -> None:
    """Format and dimensions from the header, nothing decoded; then a structural check."""
    with Image.open(io.BytesIO(data)) as probe:
        if probe.format not in ACCEPTED_FORMATS:
            raise ValueError(NOT_A_PHOTO)
        if probe.width * probe.height > MAX_PIXELS:
            raise ValueError(TOO_MANY_PIXELS)
        probe.verify()  # walks the chunks (PNG CRCs) without keeping the pixels


def _decode(data: bytes) -> Image.Image:
    """Decoded straight down to at most MAX_SIDE a side (in place: no full-size copy), then turned
    upright as the camera's orientation tag says."""
    with Image.open(io.BytesIO(data)) as image:
        if image.format == "JPEG":
            # Decode at the smallest 1/2^n scale still at least MAX_SIDE a side.
            image.draft("RGB", (MAX_SIDE, MAX_SIDE))
        orientation = image.getexif().get(ExifTags.Base.Orientation, 1)
        image.thumbnail((MAX_SIDE, MAX_SIDE))
        small = image.convert("RGB")
    turn = _UPRIGHT.get(orientation)
    return small.transpose(turn) if turn is not None else small


_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _clean_jpeg(image: Image.Image) -> bytes:
    """Only the pixels: a fresh image with empty `info`, so Pillow writes no EXIF, COM, ICC or XMP."""
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    clean.info = {}
    out = io.BytesIO()
    clean.save(out, format="JPEG", quality=85, optimize=True)
    return out.getvalue()
