"""Portrait photos: accepted by their content, not their name, and re-encoded before storing.

Re-encoding drops EXIF (which can hold the home's GPS position) and anything smuggled after
the image data; the browser's upload limits are advisory, so every check is made here.
"""

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # refuse decompression bombs long before they fill memory
MAX_SIDE = 1024
ACCEPTED_FORMATS = ("JPEG", "PNG")

TOO_LARGE = "That photo is larger than 5 MB. Please choose a smaller photo."
NOT_A_PHOTO = "That file is not a JPEG or PNG photo. Please choose a photo taken with a camera or phone."


def reencode_portrait(data: bytes) -> bytes:
    """A clean JPEG of at most 1024 px a side, or ValueError with a message for the person."""
    if len(data) > MAX_BYTES:
        raise ValueError(TOO_LARGE)
    if not data:
        raise ValueError(NOT_A_PHOTO)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in ACCEPTED_FORMATS:
                    raise ValueError(NOT_A_PHOTO)
                if probe.width * probe.height > MAX_PIXELS:
                    raise ValueError(TOO_LARGE)
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                upright = ImageOps.exif_transpose(image)
        except (
            UnidentifiedImageError,
            OSError,
            SyntaxError,
            Image.DecompressionBombWarning,
            Image.DecompressionBombError,
        ):
            raise ValueError(NOT_A_PHOTO) from None
    upright = upright.convert("RGB")
    upright.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    upright.save(out, format="JPEG", quality=85, optimize=True)
    return out.getvalue()
