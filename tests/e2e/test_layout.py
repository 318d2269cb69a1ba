"""Every kind of page, on a phone and on a wide screen: nothing scrolls sideways,
the sidebar sits beside the content or below it, and the structure holds."""
import pytest

from conftest import DESKTOP, PAGE_KINDS, PHONE

VIEWPORTS = {"390": PHONE, "1280": DESKTOP}


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
