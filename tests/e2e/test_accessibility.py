"""axe-core on every kind of page, light and dark: no serious or critical violation."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import DESKTOP, PAGE_KINDS, PHONE, SCHEMES

AXE = Axe()


def describe(violations):
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} -> "
                     f"{[node['target'] for node in v['nodes']][:5]}" for v in violations)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_axe_finds_no_serious_or_critical_violation(base_url, open_page, kind, scheme):
    for viewport in (PHONE, DESKTOP):
        page = open_page(viewport, scheme)
        page.goto(base_url + PAGE_KINDS[kind][0])
        violations = AXE.run(page).response["violations"]
        bad = [v for v in violations if v["impact"] in ("serious", "critical")]
        assert not bad, f"{kind} {scheme} {viewport['width']}px:\n{describe(bad)}"
