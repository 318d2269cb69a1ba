"""Fixtures for the browser tests: one `blog serve` and one Chromium for the session.

The blog runs exactly as a reader meets it (`blog serve` on free ports) with the
demo content plus the posts in tests/e2e/content, which hold wide things (a long
code line, a wide table, an unbroken URL). Chromium is Debian's /usr/bin/chromium:
these tests never download a browser.
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

PROJECT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("E2E_ARTIFACTS", PROJECT / ".e2e" / "artifacts"))
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SCHEMES = ("light", "dark")

# Every kind of page a reader can reach, with the status it answers.
PAGE_KINDS = {
    "home": ("/", 200),
    "home-page-2": ("/?page=2", 200),
    "post": ("/posts/wide-things", 200),
    "page": ("/pages/about", 200),
    "tag": ("/tags/coffee", 200),
    "category": ("/categories/coffee", 200),
    "archive-year": ("/archive/2026", 200),
    "archive-month": ("/archive/2026/04", 200),
    "search": ("/search?q=coffee", 200),
    "search-form": ("/search", 200),
    "404": ("/no/such/page", 404),
}


def free_port():
    """A TCP port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(url, process, seconds=90):
    """Poll ``url`` until it answers, failing early if the server died."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"blog serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"blog serve did not answer {url} within {seconds} s")


@pytest.fixture(scope="session")
def content_dir(tmp_path_factory):
    """The demo content plus the e2e posts, in a scratch folder."""
    folder = tmp_path_factory.mktemp("content") / "blog"
    shutil.copytree(PROJECT / "demo", folder)
    for source in (Path(__file__).parent / "content").rglob("*.md"):
        target = folder / source.relative_to(Path(__file__).parent / "content")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
    return folder


@pytest.fixture(scope="session")
def base_url(content_dir, tmp_path_factory):
    """`blog serve` on free ports; its own process group is stopped at the end."""
    port, aws_port = free_port(), free_port()
    log = (tmp_path_factory.mktemp("serve") / "serve.log").open("w")
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    process = subprocess.Popen(
        [str(PROJECT / ".venv" / "bin" / "blog"), "serve", "--content", str(content_dir),
         "--port", str(port), "--aws-port", str(aws_port)],
        cwd=PROJECT, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url + "/", process)
        yield url
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(process.pid, signal.SIGKILL)
        log.close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless."""
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: `make e2e` installs it with apt-get")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def artifacts():
    """The folder screenshots and scores are written to, emptied of the last run's."""
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    return ARTIFACTS


@pytest.fixture
def open_page(browser):
    """Open pages in a fresh context of a given size and colour scheme."""
    contexts = []

    def opener(viewport=DESKTOP, scheme="light"):
        context = browser.new_context(viewport=viewport, color_scheme=scheme)
        contexts.append(context)
        return context.new_page()

    yield opener
    for context in contexts:
        context.close()
