"""Portrait photos are judged by their content, limited in size and re-encoded without EXIF."""

import io
import struct
import zlib

import pytest
from PIL import Image, PngImagePlugin

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


def test_a_decompression_bomb_is_refused_as_too_large() -> None:
    with pytest.raises(ValueError, match=r"too large \(limit 24 megapixels\)"):
        photos.reencode_portrait(picture("PNG", (10_000, 5_000)))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims its dimensions and holds one tiny compressed row: what an attacker sends."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + payload))
        return struct.pack(">I", len(payload)) + kind + payload + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


def test_a_small_png_of_almost_40_megapixels_is_refused_as_too_large() -> None:
    """Finding 5: 131 KB on the wire, 39.7 megapixels once decoded."""
    image = Image.new("1", (6300, 6300))  # one bit a pixel here; RGB when decoded by the portal
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    data = out.getvalue()
    assert len(data) < photos.MAX_BYTES
    with pytest.raises(ValueError, match=r"too large \(limit 24 megapixels\)"):
        photos.reencode_portrait(data)


@pytest.mark.parametrize("size", [(20_000, 20_000), (24_001, 1_000)])
def test_an_image_of_too_many_pixels_says_too_large_not_not_a_photo(size: tuple[int, int]) -> None:
    with pytest.raises(ValueError, match=r"too large \(limit 24 megapixels\)"):
        photos.reencode_portrait(png_header_only(*size))


def test_a_portrait_up_to_the_pixel_limit_is_accepted() -> None:
    cleaned = photos.reencode_portrait(picture("JPEG", (6000, 4000)))  # a 24-megapixel camera
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.size == (1024, 683)


def segments(jpeg: bytes) -> list[int]:
    """The markers of a JPEG's segments up to the start of the scan."""
    assert jpeg[:2] == b"\xff\xd8"
    found, at = [], 2
    while at < len(jpeg):
        assert jpeg[at] == 0xFF
        marker = jpeg[at + 1]
        found.append(marker)
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            break
        (length,) = struct.unpack(">H", jpeg[at + 2 : at + 4])
        at += 2 + length
    return found


def test_every_metadata_segment_is_dropped() -> None:
    """Finding 6: a JPEG comment (COM), EXIF, ICC and XMP do not survive re-encoding."""
    image = Image.new("RGB", (300, 400), (10, 200, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    out = io.BytesIO()
    image.save(
        out,
        format="JPEG",
        comment=b"Flat 3, 12 Smith St - key under the mat",
        exif=exif,
        icc_profile=b"\0" * 128,
        xmp=b"<x:xmpmeta>GPS 33.8 151.2</x:xmpmeta>",
    )
    original = out.getvalue()
    assert b"key under the mat" in original
    assert 0xFE in segments(original)
    cleaned = photos.reencode_portrait(original)
    assert b"key under the mat" not in cleaned
    assert b"xmpmeta" not in cleaned
    assert b"PhoneMaker" not in cleaned
    kept = set(segments(cleaned))
    assert 0xFE not in kept  # no comment
    assert not kept & set(range(0xE1, 0xF0))  # no APP1..APP15: EXIF, XMP, ICC, Adobe...
    with Image.open(io.BytesIO(cleaned)) as reopened:
        assert "comment" not in reopened.info
        assert "icc_profile" not in reopened.info


def test_png_text_chunks_are_dropped() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "home at 12 Smith St")
    info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>GPS</x:xmpmeta>")
    out = io.BytesIO()
    Image.new("RGB", (200, 200)).save(out, format="PNG", pnginfo=info)
    cleaned = photos.reencode_portrait(out.getvalue())
    assert b"Smith St" not in cleaned
    assert b"xmpmeta" not in cleaned


def test_a_photo_taken_sideways_comes_out_upright() -> None:
    image = Image.new("RGB", (400, 300), (10, 20, 30))
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to view
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    with Image.open(io.BytesIO(photos.reencode_portrait(out.getvalue()))) as upright:
        assert upright.size == (300, 400)
