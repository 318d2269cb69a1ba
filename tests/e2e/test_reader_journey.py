"""A reader's walk through the blog, by clicking and typing as a person would."""
import re

from playwright.sync_api import expect

from conftest import PHONE


def test_a_reader_goes_from_home_to_a_post_its_tag_the_next_page_a_search_a_404_and_back(
        base_url, open_page):
    page = open_page(PHONE)
    page.goto(base_url + "/")
    expect(page.locator("h1")).to_have_text("Field Notes")

    page.locator("main .entry-title a").first.click()
    expect(page).to_have_url(base_url + "/posts/cupping-at-home")
    expect(page.locator("h1")).to_have_text("Cupping Coffee at Home")

    page.locator(".tag-links").get_by_role("link", name="coffee").click()
    expect(page).to_have_url(base_url + "/tags/coffee")
    expect(page.locator("h1")).to_have_text("Tag: coffee")

    page.get_by_role("link", name=re.compile("Older posts")).click()
    expect(page).to_have_url(base_url + "/tags/coffee?page=2")
    expect(page.locator("main .entry-title")).not_to_have_count(0)

    search = page.locator(".widget-search").get_by_role("searchbox")
    search.fill("espresso")
    search.press("Enter")
    expect(page).to_have_url(base_url + "/search?q=espresso")
    expect(page.locator("main .entry-title").first).to_have_text("Measuring My Espresso for a Month")

    answer = page.goto(base_url + "/posts/no-such-post")
    assert answer.status == 404
    expect(page.locator("h1")).to_have_text("Oops! That page can’t be found.")

    page.go_back()
    expect(page).to_have_url(base_url + "/search?q=espresso")
    expect(page.locator("h1")).to_contain_text("espresso")


def test_the_skip_link_is_the_first_thing_the_keyboard_reaches_and_jumps_to_the_content(
        base_url, open_page):
    page = open_page(PHONE)
    page.goto(base_url + "/posts/wide-things")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    expect(page.locator(".skip-link")).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.url.endswith("#content")


def test_code_blocks_and_tables_scroll_inside_themselves_and_take_keyboard_focus(
        base_url, open_page):
    page = open_page(PHONE)
    page.goto(base_url + "/posts/wide-things")
    for selector in ("pre", ".table-scroll"):
        box = page.locator(f"main {selector}").first
        assert box.evaluate("e => e.scrollWidth > e.clientWidth"), selector
        assert box.get_attribute("tabindex") == "0" and box.get_attribute("aria-label")
        box.focus()
        page.keyboard.press("ArrowRight")
        # Scrolling by arrow key is animated: wait for it to move at all.
        page.wait_for_function("e => e.scrollLeft > 0", arg=box.element_handle(), timeout=5000)


def test_a_feed_opened_in_the_browser_explains_how_to_subscribe(base_url, open_page):
    page = open_page(PHONE)
    page.goto(base_url + "/feed.xml")
    expect(page.locator("h1")).to_have_text("Subscribe to Field Notes")
    expect(page.locator(".feed-entries li").first).to_be_visible()
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(255, 255, 255)"  # the theme's stylesheet applied


def test_the_header_menu_lists_the_static_pages_and_marks_the_current_one(base_url, open_page):
    page = open_page(PHONE)
    page.goto(base_url + "/")
    menu = page.get_by_role("navigation", name="Menu")
    menu.get_by_role("link", name="About").click()
    expect(page).to_have_url(base_url + "/pages/about")
    expect(menu.get_by_role("link", name="About")).to_have_attribute("aria-current", "page")
