"""Portraits drawn for generated people: a friendly illustrated head and shoulders, never a download."""

import io
import random

from PIL import Image, ImageDraw

SIZE = 240
BACKGROUNDS = ("#dbe9f6", "#f6e3db", "#e2f0dc", "#efe0f3", "#f5efd6", "#dcefee")
SKIN = ("#f3d2b3", "#e8b98f", "#d19a6a", "#a96f45", "#7d4a2a", "#5a3520")
HAIR = ("#2b1d14", "#4a3020", "#8a5a2b", "#c9a15b", "#d8d3cc", "#f1efe9", "#1c1c1c", "#6b3a1e")
CLOTHES = ("#1f5f8b", "#7a3e6d", "#2e6b4f", "#8b4a1f", "#3b4a8b", "#6b6b6b", "#a33b3b")


def portrait_png(seed: str, *, grey_hair: bool = False) -> bytes:
    """The same seed always draws the same portrait (seeding twice gives the same data)."""
    rng = random.Random(seed)
    image = Image.new("RGB", (SIZE, SIZE), rng.choice(BACKGROUNDS))
    draw = ImageDraw.Draw(image)
    skin = rng.choice(SKIN)
    hair = rng.choice(HAIR[4:6]) if grey_hair else rng.choice(HAIR)
    # shoulders
    draw.ellipse((30, 170, 210, 330), fill=rng.choice(CLOTHES))
    draw.rectangle((105, 140, 135, 185), fill=skin)
    # hair behind the head, long or short
    if rng.random() < 0.5:
        draw.rounded_rectangle((58, 48, 182, 190), radius=50, fill=hair)
    else:
        draw.ellipse((62, 40, 178, 150), fill=hair)
    # face
    draw.ellipse((70, 56, 170, 166), fill=skin)
    draw.chord((66, 44, 174, 120), start=180, end=360, fill=hair)
    # eyes, brows, smile
    eye_y = 106 + rng.randint(-3, 3)
    for eye_x in (98, 142):
        draw.ellipse((eye_x - 5, eye_y - 5, eye_x + 5, eye_y + 5), fill="#2a2a2a")
        draw.line((eye_x - 9, eye_y - 13, eye_x + 9, eye_y - 13), fill=hair, width=3)
    draw.arc((100, 118, 140, 146), start=20, end=160, fill="#7a3b2e", width=3)
    if rng.random() < 0.25:  # glasses
        for eye_x in (98, 142):
            draw.ellipse((eye_x - 14, eye_y - 12, eye_x + 14, eye_y + 12), outline="#333333", width=3)
        draw.line((112, eye_y, 128, eye_y), fill="#333333", width=3)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
