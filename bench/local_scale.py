"""`blog serve` over generated content folders: time to first answer, memory, Ctrl-C.

``measure(posts, work)`` writes a folder of ``posts`` generated posts, starts
the real command (``.venv/bin/blog serve``) on free ports, and reports: the
seconds until the first page answers 200, the seconds until the folder is
fully indexed (the "Loaded" line), peak RSS, the bytes of live data the
embedded AWS holds (objects plus items), and the seconds Ctrl-C takes to stop
it once serving. ``interrupt_while_loading(posts, work)`` sends Ctrl-C half
way through the first load instead.
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import corpus  # noqa: E402

PROJECT = os.path.dirname(HERE)
BLOG = os.path.join(PROJECT, ".venv", "bin", "blog")
SCAN_UP_TO = 10_000  # a Scan of 10,000 posts' data through moto takes ~1.5 min
SITE = "site:\n  title: Scale\n  timezone: UTC\n  cache_seconds: 60\n"


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def write_folder(posts, work):
    """A content folder of ``posts`` generated posts; its path."""
    folder = os.path.join(work, f"local-{posts}")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "posts"))
    with open(os.path.join(folder, "site.yaml"), "w", encoding="utf-8") as handle:
        handle.write(SITE)
    for post in corpus.generate(posts, seed=21, prefix="local"):
        with open(os.path.join(folder, "posts", f"{post.slug}.md"), "w",
                  encoding="utf-8") as handle:
            handle.write(post.blog_source())
    return folder


def _peak_rss_mib(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _live_bytes(endpoint):
    """Bytes the embedded AWS holds: every object, every item (as DynamoDB sizes them, roughly)."""
    import boto3

    env = {"endpoint_url": endpoint, "region_name": "us-east-1",
           "aws_access_key_id": "local", "aws_secret_access_key": "local"}
    s3, dynamodb = boto3.client("s3", **env), boto3.client("dynamodb", **env)
    total = 0
    for bucket in s3.list_buckets()["Buckets"]:
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket["Name"]):
            total += sum(item["Size"] for item in page.get("Contents", []))
    for table in dynamodb.list_tables()["TableNames"]:
        for page in dynamodb.get_paginator("scan").paginate(TableName=table):
            total += sum(len(json.dumps(item, separators=(",", ":"), default=len))
                         for item in page["Items"])
    return total


def _start(folder):
    port, aws_port = _free_port(), _free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    for name in ("AWS_ENDPOINT_URL", "AWS_PROFILE"):
        env.pop(name, None)
    process = subprocess.Popen([BLOG, "serve", "--content", folder, "--port", str(port),
                                "--aws-port", str(aws_port)], cwd=PROJECT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines = []

    def read():
        for line in process.stdout:
            lines.append((time.perf_counter(), line.rstrip()))
    threading.Thread(target=read, daemon=True).start()
    return process, port, f"http://127.0.0.1:{aws_port}", lines


def _stop(process):
    started = time.perf_counter()
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return float("inf")
    return time.perf_counter() - started


def measure(posts, work, limit=3600):
    """Figures for one folder size (see the module docstring)."""
    folder = write_folder(posts, work)
    started = time.perf_counter()
    process, port, endpoint, lines = _start(folder)
    first_answer = None
    try:
        while time.perf_counter() - started < limit:
            if process.poll() is not None:
                raise RuntimeError(f"blog serve exited: {lines[-5:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
                    if page.status == 200:
                        first_answer = time.perf_counter() - started
                        break
            except OSError:
                time.sleep(0.1)
        loaded = next((at - started for at, line in lines if line.startswith("Loaded ")), None)
        aws_up = next((at - started for at, line in lines if line.startswith("AWS endpoint")),
                      0.0)
        peak = _peak_rss_mib(process.pid)
        print(json.dumps({"posts": posts, "first_answer_s": first_answer, "indexed_s": loaded,
                          "peak_mib": peak}), flush=True)
        live = _live_bytes(endpoint) if posts <= SCAN_UP_TO else None
    finally:
        stop = _stop(process)
    return {"posts": posts, "first_answer_s": first_answer, "indexed_s": loaded,
            "peak_mib": peak, "live_mib": live / 2**20 if live is not None else None,
            "stop_s": stop,
            "per_post_ms": 1000 * (loaded - aws_up) / posts if loaded else None}


def interrupt_while_loading(posts, work, after=None):
    """Seconds from Ctrl-C, sent while the first load is running, to the process's exit."""
    folder = write_folder(posts, work)
    process, _, _, lines = _start(folder)
    deadline = time.perf_counter() + 120
    while not any(line.startswith("AWS endpoint") for _, line in lines):
        if time.perf_counter() > deadline or process.poll() is not None:
            raise RuntimeError("blog serve did not start")
        time.sleep(0.05)
    time.sleep(after if after is not None else 2.0)
    if any(line.startswith("Loaded ") for _, line in lines):
        raise RuntimeError("the load finished before the interrupt; use more posts")
    return _stop(process)


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    print(json.dumps(measure(size, os.path.join(PROJECT, ".bench"))))
