"""Draw the demo blog's pictures (demo/media/) with Pillow: made by the project.

    .venv/bin/python bench/demo_pictures.py [OUT_DIR]

The same seed gives the same pictures. They are drawn, not photographed, but
with gradients, soft shapes and grain so that they compress like photographs:
a fair test of the variants (bench/run.py weighs them).
"""
import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parent.parent / "demo" / "media"
MAX_BYTES = 300_000


def _gradient(size, top, bottom):
    width, height = size
    column = Image.new("RGB", (1, height))
    for y in range(height):
        share = y / max(1, height - 1)
        column.putpixel((0, y), tuple(round(a + (b - a) * share) for a, b in zip(top, bottom)))
    return column.resize(size)


def _grain(image, rng, amount=3):
    """Film-like noise: what makes a drawing weigh like a photograph."""
    width, height = image.size
    noise = Image.frombytes("L", image.size, rng.randbytes(width * height))
    noise = noise.point(lambda value: value * 2 * amount // 255).convert("RGB")
    darker = ImageChops.subtract(image, Image.new("RGB", image.size, (amount,) * 3))
    return ImageChops.add(darker, noise)


def harbour(rng, size=(2400, 1600)):
    """Evening over a harbour: sky, sun, hills, water with ripples, boats."""
    width, height = size
    image = _gradient(size, (236, 150, 92), (120, 160, 206))
    draw = ImageDraw.Draw(image)
    horizon = int(height * 0.58)
    draw.ellipse([width * 0.62, horizon - 330, width * 0.62 + 260, horizon - 70],
                 fill=(255, 226, 160))
    for layer, shade in enumerate(((92, 96, 120), (64, 70, 92))):
        points = [(0, horizon)]
        for x in range(0, width + 80, 80):
            points.append((x, horizon - 90 + layer * 40 - 70 * math.sin(x / (260 + layer * 90))
                           - rng.randint(0, 25)))
        points.append((width, horizon))
        draw.polygon(points, fill=shade)
    water = _gradient((width, height - horizon), (70, 96, 132), (24, 40, 66))
    image.paste(water, (0, horizon))
    for _ in range(900):
        x, y = rng.randint(0, width), rng.randint(horizon, height)
        length = rng.randint(20, 140)
        glow = 130 + int(90 * (1 - abs(x - width * 0.68) / width))
        draw.line([x, y, x + length, y], fill=(glow, glow - 20, glow - 60), width=2)
    for boat in range(5):
        x = 300 + boat * 420 + rng.randint(-60, 60)
        y = horizon + 90 + boat * 40
        draw.polygon([(x, y), (x + 220, y), (x + 190, y + 40), (x + 30, y + 40)],
                     fill=(235, 235, 228))
        draw.line([x + 110, y, x + 110, y - 260], fill=(40, 40, 40), width=6)
        draw.polygon([(x + 114, y - 250), (x + 114, y - 20), (x + 210, y - 20)],
                     fill=(248, 244, 236))
    return _grain(image.filter(ImageFilter.GaussianBlur(1.2)), rng)


def tomatoes(rng, size=(1800, 1200)):
    """Tomatoes on a wooden board, lit from the upper left."""
    width, height = size
    image = _gradient(size, (150, 104, 64), (112, 74, 42))
    draw = ImageDraw.Draw(image)
    for y in range(0, height, 6):
        tone = rng.randint(-14, 14)
        draw.line([0, y, width, y + rng.randint(-8, 8)],
                  fill=(138 + tone, 94 + tone, 56 + tone), width=2)
    for _ in range(14):
        radius = rng.randint(110, 190)
        cx, cy = rng.randint(radius, width - radius), rng.randint(radius, height - radius)
        red = (rng.randint(185, 225), rng.randint(24, 60), rng.randint(20, 40))
        for step in range(radius, 0, -4):
            share = step / radius
            shade = tuple(min(255, int(channel * (0.55 + 0.45 * share) + 70 * (1 - share)))
                          for channel in red)
            offset = int((radius - step) * 0.35)
            draw.ellipse([cx - step - offset, cy - step - offset,
                          cx + step - offset, cy + step - offset], fill=shade)
        for leaf in range(5):
            angle = leaf * 2 * math.pi / 5 + rng.random()
            tip = (cx - radius * 0.2 + 60 * math.cos(angle), cy - radius * 0.2 + 60 * math.sin(angle))
            draw.line([cx - radius * 0.2, cy - radius * 0.2, *tip], fill=(46, 110, 40), width=12)
    return _grain(image.filter(ImageFilter.GaussianBlur(1.5)), rng)


def espresso(rng, size=(1200, 1200)):
    """An espresso cup seen from above: saucer, cup, crema."""
    width, height = size
    image = _gradient(size, (222, 218, 210), (196, 190, 180))
    draw = ImageDraw.Draw(image)
    cx, cy = width // 2, height // 2
    draw.ellipse([cx - 470, cy - 470, cx + 470, cy + 470], fill=(246, 246, 242))
    draw.ellipse([cx - 330, cy - 330, cx + 330, cy + 330], fill=(236, 236, 232))
    draw.rounded_rectangle([cx + 300, cy - 50, cx + 460, cy + 50], radius=40,
                           fill=(240, 240, 236))
    for step in range(270, 0, -3):
        share = step / 270
        draw.ellipse([cx - step, cy - step, cx + step, cy + step],
                     fill=(int(120 + 80 * share), int(72 + 50 * share), int(34 + 30 * share)))
    for _ in range(400):
        angle, distance = rng.random() * 2 * math.pi, rng.random() * 250
        x, y = cx + distance * math.cos(angle), cy + distance * math.sin(angle)
        draw.ellipse([x - 4, y - 4, x + 4, y + 4], fill=(214, 168, 110))
    return _grain(image.filter(ImageFilter.GaussianBlur(1.0)), rng)


def garden_plan(rng, size=(1400, 900)):
    """A garden plan drawn flat (a PNG): raised beds, paths and a legend."""
    image = Image.new("RGB", size, (246, 242, 228))
    draw = ImageDraw.Draw(image)
    colours = [(120, 170, 90), (160, 190, 100), (96, 150, 110), (180, 150, 90)]
    for row in range(3):
        for column in range(4):
            x, y = 80 + column * 320, 80 + row * 250
            draw.rounded_rectangle([x, y, x + 260, y + 190], radius=18,
                                   fill=colours[(row + column) % 4], outline=(90, 70, 50), width=6)
            for _ in range(18):
                px, py = rng.randint(x + 20, x + 240), rng.randint(y + 20, y + 170)
                draw.ellipse([px - 9, py - 9, px + 9, py + 9], fill=(60, 110, 50))
    return image


PICTURES = {
    "2026/gothenburg-harbour.jpg": harbour,
    "2026/tomato-harvest.jpg": tomatoes,
    "2026/espresso-from-above.jpg": espresso,
    "2026/garden-plan.png": garden_plan,
}


def write_pictures(out=OUT, seed=2026):
    """Draw every picture into ``out`` and return the paths written."""
    written = []
    for name, draw in PICTURES.items():
        image = draw(random.Random(f"{seed}:{name}"))
        path = Path(out) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".png":
            image.quantize(64).save(path, optimize=True)
        else:
            image.save(path, quality=84, optimize=True, progressive=True)
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SystemExit(f"{path}: {size} bytes is over the demo's {MAX_BYTES}")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_pictures(sys.argv[1] if len(sys.argv) > 1 else OUT):
        with Image.open(written_path) as picture:
            print(f"{written_path}: {picture.width}x{picture.height}, "
                  f"{written_path.stat().st_size:,} bytes")
