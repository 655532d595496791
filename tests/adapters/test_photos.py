"""Portrait photos are judged by their content, limited in size and re-encoded without EXIF."""

import io

import pytest
from PIL import Image

from adapters import photos


def picture(kind: str, size: tuple[int, int] = (300, 400), *, exif_gps: bool = False) -> bytes:
    image = Image.new("RGB", size, (200, 120, 80))
    out = io.BytesIO()
    if exif_gps:
        exif = Image.Exif()
        exif[0x010F] = "PhoneMaker"  # camera make
        exif[0x8825] = {2: (33.0, 54.0, 0.0)}  # GPS latitude
        image.save(out, format=kind, exif=exif)
    else:
        image.save(out, format=kind)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["JPEG", "PNG"])
def test_jpeg_and_png_are_accepted_and_come_back_as_jpeg(kind: str) -> None:
    cleaned = photos.reencode_portrait(picture(kind))
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.format == "JPEG"
        assert image.size == (300, 400)


def test_exif_with_the_home_position_is_removed() -> None:
    original = picture("JPEG", exif_gps=True)
    with Image.open(io.BytesIO(original)) as image:
        assert image.getexif()  # the test photo really carries EXIF
    with Image.open(io.BytesIO(photos.reencode_portrait(original))) as image:
        assert not image.getexif()


def test_large_photos_are_scaled_down_to_1024_pixels() -> None:
    with Image.open(io.BytesIO(photos.reencode_portrait(picture("PNG", (3000, 2000))))) as image:
        assert max(image.size) == 1024


@pytest.mark.parametrize("kind", ["GIF", "BMP", "WEBP"])
def test_other_image_formats_are_refused(kind: str) -> None:
    with pytest.raises(ValueError, match="not a JPEG or PNG"):
        photos.reencode_portrait(picture(kind))


def test_a_file_that_only_claims_to_be_a_photo_is_refused() -> None:
    with pytest.raises(ValueError, match="not a JPEG or PNG"):
        photos.reencode_portrait(b"%PDF-1.7 pretending to be photo.jpg")


def test_a_truncated_jpeg_is_refused() -> None:
    with pytest.raises(ValueError, match="not a JPEG or PNG"):
        photos.reencode_portrait(picture("JPEG")[:200])


def test_more_than_five_megabytes_is_refused_before_decoding() -> None:
    with pytest.raises(ValueError, match="larger than 5 MB"):
        photos.reencode_portrait(b"\xff\xd8" + b"\0" * (5 * 1024 * 1024))


def test_a_decompression_bomb_is_refused() -> None:
    with pytest.raises(ValueError, match=r"larger than 5 MB|not a JPEG or PNG"):
        photos.reencode_portrait(picture("PNG", (10_000, 5_000)))
