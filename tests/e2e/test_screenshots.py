"""Screenshots of the main pages, phone and desktop, light and dark; none blank."""
import pytest
from PIL import Image

from conftest import DESKTOP, PAGE_KINDS, PHONE, SCHEMES

SHOTS = ("home", "post", "tag", "404")
SIZES = {"390x844": PHONE, "1280x800": DESKTOP}


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", SHOTS)
def test_a_screenshot_is_written_and_shows_a_page(base_url, open_page, artifacts, kind, size,
                                                  scheme):
    page = open_page(SIZES[size], scheme)
    page.goto(base_url + PAGE_KINDS[kind][0])
    target = artifacts / "screenshots" / f"{kind}-{size}-{scheme}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target))
    with Image.open(target) as image:
        assert image.size == (SIZES[size]["width"], SIZES[size]["height"])
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
        # A blank page has one colour; text alone brings dozens of anti-aliased shades.
        assert colours is None or len(colours) > 32, f"{target.name} looks blank"
        background = max(colours or [(0, None)])[1]
        if background is not None:
            dark = sum(background) < 3 * 128
            assert dark == (scheme == "dark"), f"{target.name} is not in {scheme} mode"
