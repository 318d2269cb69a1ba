"""Every kind of page, on a phone and on a wide screen: nothing scrolls sideways,
the sidebar sits beside the content or below it, and the structure holds."""
import pytest

from conftest import DESKTOP, PAGE_KINDS, PHONE

VIEWPORTS = {"320": {"width": 320, "height": 640}, "390": PHONE, "1280": DESKTOP}


def boxes(page):
    return page.evaluate("""() => {
        const box = s => { const r = document.querySelector(s).getBoundingClientRect();
                           return {left: r.left, right: r.right, top: r.top + scrollY,
                                   bottom: r.bottom + scrollY}; };
        return {main: box('main'), sidebar: box('.widget-area-sidebar'),
                scroll: document.documentElement.scrollWidth,
                width: document.documentElement.clientWidth};
    }""")


@pytest.mark.parametrize("width", VIEWPORTS)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_page_scrolls_sideways_and_the_sidebar_is_beside_or_below(
        base_url, open_page, kind, width):
    path, status = PAGE_KINDS[kind]
    page = open_page(VIEWPORTS[width])
    assert page.goto(base_url + path).status == status
    found = boxes(page)
    assert found["scroll"] <= found["width"], f"{kind} scrolls sideways at {width} px"
    main, sidebar = found["main"], found["sidebar"]
    if width == "1280":
        assert sidebar["left"] >= main["right"] and sidebar["top"] < main["bottom"]
    else:
        assert sidebar["top"] >= main["bottom"]
        assert sidebar["left"] >= 0 and sidebar["right"] <= found["width"]


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_page_has_one_h1_the_landmarks_and_a_labelled_breadcrumb(base_url, open_page, kind):
    page = open_page(DESKTOP)
    page.goto(base_url + PAGE_KINDS[kind][0])
    headings = page.locator("h1")
    assert headings.count() == 1
    if kind.startswith("home"):
        assert headings.inner_text() == "Field Notes"
    for landmark in ("body > .skip-link", "header.site-header", "nav.site-nav", "main#content",
                     "aside.widget-area-sidebar", "footer.site-footer"):
        assert page.locator(landmark).count() == 1, landmark
    crumb = page.locator("nav.breadcrumb")
    if crumb.count():
        assert crumb.locator("[aria-current=page]").count() == 1
        assert crumb.locator(".sep").get_attribute("aria-hidden") == "true"


def test_on_a_phone_the_header_leaves_the_first_words_of_a_post_on_the_first_screen(
        base_url, open_page):
    page = open_page(PHONE)
    page.goto(base_url + "/posts/wide-things")
    top = page.locator("main .entry-content p").first.evaluate(
        "e => e.getBoundingClientRect().top")
    assert top < PHONE["height"] * 0.75


def test_a_post_on_a_wide_screen_reads_at_60_to_75_characters_a_line(base_url, open_page):
    page = open_page(DESKTOP)
    page.goto(base_url + "/posts/cupping-at-home")
    per_line = page.evaluate("""() => {
        const paragraphs = [...document.querySelectorAll('main .entry-content p')];
        const style = getComputedStyle(paragraphs[0]);
        const pen = document.createElement('canvas').getContext('2d');
        pen.font = `${style.fontSize} ${style.fontFamily}`;
        const text = paragraphs.map(p => p.textContent).join(' ');
        return paragraphs[0].clientWidth / (pen.measureText(text).width / text.length);
    }""")
    assert 60 <= per_line <= 75, per_line


def test_printing_leaves_out_navigation_widgets_and_the_skip_link(base_url, open_page):
    page = open_page(DESKTOP)
    page.goto(base_url + "/posts/wide-things")
    page.emulate_media(media="print")
    for hidden in (".site-nav", ".widget-area-sidebar", ".widget-area-header-sidebar",
                   ".post-navigation", ".skip-link"):
        assert not page.locator(hidden).is_visible(), hidden
    assert page.locator("main h1").is_visible()


def test_keyboard_focus_is_visible(base_url, open_page):
    page = open_page(PHONE)
    page.goto(base_url + "/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
