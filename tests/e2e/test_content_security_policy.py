"""The theme works under the strictest policy the contract allows: every page
kind, with `default-src 'self'` added to each answer, loads its stylesheet and
icon and reports no violation."""
import pytest

from conftest import DESKTOP, PAGE_KINDS

STRICT = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_page_kind_renders_under_a_strict_policy_without_a_violation(
        base_url, open_page, kind):
    page = open_page(DESKTOP)
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)

    def with_policy(route):
        answer = route.fetch()
        route.fulfill(response=answer,
                      headers={**answer.headers, "content-security-policy": STRICT})

    page.route("**/*", with_policy)
    page.goto(base_url + PAGE_KINDS[kind][0])
    page.wait_for_load_state("networkidle")  # lazy images too, so every answer is checked
    # A handler still fetching when the page closes would fail after the test.
    page.unroute_all(behavior="ignoreErrors")
    assert not violations, violations
    # The served stylesheet applied: the skip link sits off-screen until focused.
    assert page.locator(".skip-link").evaluate("e => e.getBoundingClientRect().bottom") <= 0
