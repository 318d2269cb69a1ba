"""`blog serve` end to end: a real process on free ports, real HTTP, real signals."""
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path

import boto3
import pytest
import yaml
from markupsafe import escape

from chalicelib.content import parse_document
from chalicelib.site import SiteSettings
from tests.helpers import BUCKET, PROJECT, picture

BLOG = Path(sys.executable).parent / "blog"
ENDPOINT_LINE = re.compile(r"^AWS endpoint: (http://127\.0\.0\.1:(\d+))$", re.MULTILINE)
START_SECONDS = 90
CHANGE_SECONDS = 10


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_is_free(port):
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def wait_for(condition, seconds, what):
    """Poll ``condition`` until it returns something truthy, at most ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"timed out after {seconds}s waiting for {what}")


def fetch(url):
    """(status, content type, body bytes) of a GET, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()
    except OSError:
        return None, None, b""


def get(url):
    """(status, content type, body text) of a GET, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read().decode()
    except OSError:
        return None, None, ""


class Server:
    """One `blog serve` process in its own process group, its output in a file."""

    def __init__(self, content, log):
        self.port, self.aws_port = free_port(), free_port()
        self.log = log
        env = {name: value for name, value in os.environ.items()
               if not name.startswith(("AWS_", "BLOG_"))}
        with open(log, "wb") as output:
            self.process = subprocess.Popen(
                [str(BLOG), "serve", "--content", str(content), "--port", str(self.port),
                 "--aws-port", str(self.aws_port)],
                cwd=PROJECT, env=env, stdout=output, stderr=subprocess.STDOUT,
                start_new_session=True)
        self.group = self.process.pid
        self.base = f"http://127.0.0.1:{self.port}"

    def output(self):
        return Path(self.log).read_text(errors="replace")

    def wait_until_serving(self):
        match = wait_for(lambda: self._exited() or ENDPOINT_LINE.search(self.output()),
                         START_SECONDS, "the AWS endpoint line")
        assert match is not True, f"blog serve exited:\n{self.output()}"
        assert int(match.group(2)) == self.aws_port
        wait_for(lambda: self._exited() or get(self.base + "/")[0] == 200, START_SECONDS,
                 "HTTP 200 on /")
        assert self.process.poll() is None, self.output()
        return match.group(1)

    def _exited(self):
        return self.process.poll() is not None

    def stop(self, signum):
        os.killpg(self.group, signum)
        self.process.wait(timeout=30)

    def kill(self):
        try:
            os.killpg(self.group, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=30)

    def group_is_gone(self):
        try:
            os.killpg(self.group, 0)
        except ProcessLookupError:
            return True
        return False


@pytest.fixture
def content(tmp_path):
    """A temporary copy of the demo content."""
    copy = tmp_path / "content"
    shutil.copytree(PROJECT / "demo", copy)
    return copy


def demo_title(content):
    return yaml.safe_load((content / "site.yaml").read_text())["site"]["title"]


def a_published_demo_post(content):
    """(path, slug, title) of a demo post that is neither a draft nor scheduled."""
    now = datetime.now(timezone.utc)
    for path in sorted((content / "posts").glob("*.md")):
        document = parse_document(path.read_bytes(), f"posts/{path.name}", now, SiteSettings())
        if not document.draft and document.date < now - timedelta(days=2):
            return path, document.slug, document.title
    raise AssertionError("the demo has no published post")


@pytest.fixture
def serve(tmp_path):
    started = []

    def start(content):
        server = Server(content, tmp_path / f"serve-{len(started)}.log")
        started.append(server)
        return server
    yield start
    for server in started:
        if server.process.poll() is None:
            server.kill()


def test_serve_shows_content_changes_and_uploads_and_stops_cleanly(content, serve, monkeypatch):
    server = serve(content)
    endpoint = server.wait_until_serving()

    title = str(escape(demo_title(content)))
    status, _, home = get(server.base + "/")
    assert status == 200 and title in home
    source, slug, post_title = a_published_demo_post(content)
    status, _, post = get(f"{server.base}/posts/{slug}")
    assert status == 200 and str(escape(post_title)) in post

    source.write_text(source.read_text() + "\nAn edit made while the blog was running.\n")
    wait_for(lambda: "An edit made while the blog was running." in get(
        f"{server.base}/posts/{slug}")[2], CHANGE_SECONDS, "the edit on the post page")

    (content / "posts" / "written-just-now.md").write_text(
        "---\ntitle: Written Just Now\ndate: 2026-01-15\n---\nA new file in the folder.\n")
    wait_for(lambda: get(server.base + "/posts/written-just-now")[0] == 200, CHANGE_SECONDS,
             "a new file to be served")

    for name in ("AWS_ENDPOINT_URL_S3", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                      aws_access_key_id="local", aws_secret_access_key="local")
    s3.put_object(Bucket=BUCKET, Key="posts/uploaded-from-outside.md",
                  Body=b"---\ntitle: Uploaded From Outside\ndate: 2026-01-20\n---\nHej.\n")
    wait_for(lambda: "Uploaded From Outside" in get(
        server.base + "/posts/uploaded-from-outside")[2], CHANGE_SECONDS,
        "an object uploaded to the embedded S3")
    s3.delete_object(Bucket=BUCKET, Key="posts/uploaded-from-outside.md")
    wait_for(lambda: get(server.base + "/posts/uploaded-from-outside")[0] == 404,
             CHANGE_SECONDS, "a deleted object to leave the site")

    demo_picture = next(path for path in (content / "media").rglob("*.jpg"))
    status, kind, data = fetch(server.base + "/" + demo_picture.relative_to(content).as_posix())
    assert status == 200 and kind == "image/jpeg" and data == demo_picture.read_bytes()
    (content / "media" / "drawn-now.png").write_bytes(picture(640, 400, "PNG"))
    wait_for(lambda: fetch(server.base + "/media/drawn-now.png")[0] == 200, CHANGE_SECONDS,
             "a picture added to the folder's media/")
    s3.put_object(Bucket=BUCKET, Key="media/2026/from-outside.jpg", Body=picture(1200, 800))
    wait_for(lambda: s3.list_objects_v2(Bucket=BUCKET, Prefix="media/_v/2026/from-outside.jpg/")
             .get("KeyCount", 0) > 0, CHANGE_SECONDS,
             "variants of a picture uploaded to the embedded S3")
    assert fetch(server.base + "/media/2026/from-outside.jpg")[0] == 200

    status, kind, missing = get(server.base + "/no/such/place")
    assert status == 404 and kind.startswith("text/html")
    assert "can’t be found" in missing and title in missing

    server.stop(signal.SIGINT)
    assert server.group_is_gone()
    assert port_is_free(server.port) and port_is_free(server.aws_port)
    assert "AWS_ENDPOINT_URL" not in (PROJECT / ".chalice" / "config.json").read_text()


SITE = """site:
  title: {title}
  cache_seconds: 60
widgets:
  sidebar:
    - type: {widget}
"""


def test_a_second_serve_starts_cleanly_keeps_old_settings_on_a_broken_edit_and_stops_on_sigterm(
        content, serve):
    site = content / "site.yaml"
    site.write_text(SITE.format(title="Second Start", widget="search"))
    first = serve(content)
    first.wait_until_serving()
    first.stop(signal.SIGINT)
    assert first.group_is_gone()

    second = serve(content)
    second.wait_until_serving()
    site.write_text(SITE.format(title="Never Shown", widget="weather"))
    wait_for(lambda: "keeping the previous settings" in second.output(), CHANGE_SECONDS,
             "the broken site.yaml to be reported")
    assert f"{site}:6: widgets.sidebar[0]: unknown widget type 'weather'" in second.output()
    status, _, home = get(second.base + "/")
    assert status == 200 and "Second Start" in home and "Never Shown" not in home

    # cache_seconds is 60, yet local mode shows the change at once.
    site.write_text(SITE.format(title="Renamed While Running", widget="search"))
    wait_for(lambda: "Renamed While Running" in get(second.base + "/")[2], CHANGE_SECONDS,
             "the fixed site.yaml to be pushed")

    second.stop(signal.SIGTERM)
    assert second.group_is_gone()
    assert port_is_free(second.port) and port_is_free(second.aws_port)
