"""A short load on `blog serve` in every `make test`: 20 clients over every page kind
while a post is edited, and not one error (`make bench` runs the 10-second one)."""
import shutil

from bench.load import run_load
from tests.helpers import PROJECT
from tests.test_local_mode import Server


def test_twenty_clients_over_every_page_kind_while_a_post_is_edited_get_no_error(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "demo", content)
    server = Server(content, tmp_path / "serve.log")
    try:
        server.wait_until_serving()
        edited = sorted((content / "posts").glob("*.md"))[0]
        figures = run_load(server.base, edited, seconds=2, clients=20)
    finally:
        server.kill()
    assert figures["requests"] >= figures["paths"]     # every page kind was asked for
    assert figures["errors"] == 0, figures["error_examples"]
