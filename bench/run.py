"""`make bench`: the blog against a one-route Lambda app and against Pelican.

Everything is measured side by side in this one run, on this machine, and
reported as ratios of medians (the machines are shared and noisy). AWS is a
moto server (``ThreadedMotoServer``, in this process, on a free port) that
child processes reach through AWS_ENDPOINT_URL: the scaled moto of
blog_cli/embedded_aws.py that local mode and the tests run too, whose cost per
call does not grow with the table. The data is generated (bench/corpus.py) and
indexed with the real parser and ``PostIndex.upsert``.

``BENCH_QUICK=1`` shrinks every size (for trying the script, not for figures).
``python bench/run.py writes`` runs only section 3b (calls and write units per
post), ``python bench/run.py scale`` only section 4 (10,000 posts vs 100),
``python bench/run.py cold`` only section 1 (cold start),
``python bench/run.py pelican`` only section 6's Pelican rows and
``python bench/run.py local`` only section 7 (`blog serve` at size).
"""
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

import corpus  # noqa: E402
import harness  # noqa: E402
from events import LambdaContext, body_bytes, post_event, proxy_event  # noqa: E402

PROJECT = harness.PROJECT
WORK = os.path.join(PROJECT, ".bench")
QUICK = os.environ.get("BENCH_QUICK") == "1"
SMALL, LARGE, PELICAN_POSTS = (100, 1000, 200) if QUICK else (100, 10_000, 1000)
COLD_RUNS = 5 if QUICK else 11
SCALE_RUNS = 5 if QUICK else 15
MEMORY_PAGES = (100, 2000) if QUICK else (100, 10_000)
WP_IMPORT_POSTS = (100, 500) if QUICK else (1000, 5000)
CACHE_BYTES = 32 * 1024 * 1024  # .chalice/config.json's BLOG_PAGE_CACHE_BYTES
CONTEXT = LambdaContext()
rows = []


def row(section, measure, ours, theirs, ratio, target="", note=""):
    """Record one line of the final table (and show it at once)."""
    met = ""
    if target and isinstance(ratio, float):
        met = "met" if ratio <= float(target.lstrip("≤ ")) else "MISSED"
    rows.append((section, measure, ours, theirs,
                 f"{ratio:.2f}" if isinstance(ratio, float) else str(ratio), target, met, note))
    print(f"  {measure}: {ours} vs {theirs} -> {rows[-1][4]} {target} {met}", flush=True)


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def machine():
    """CPU model, cores, Python and date, for the table's heading."""
    model = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"cpu": model, "cores": os.cpu_count(), "python": platform.python_version(),
            "os": f"{platform.system()} {platform.release()}",
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def call(event):
    """One request through the blog's Lambda handler."""
    from app import app

    return app(event, CONTEXT)


def clear_pages():
    """Forget cached pages (the sidebar and settings stay, as in a warm instance)."""
    from chalicelib.wiring import page_instance

    page_instance().cache.clear()


# -- 1. cold start ----------------------------------------------------------------

def lambda_package(compiled):
    """A copy laid out like the Lambda zip: app.py, chalicelib/, templates/ at the root."""
    target = os.path.join(WORK, "package-compiled" if compiled else "package")
    shutil.rmtree(target, ignore_errors=True)
    os.makedirs(target)
    shutil.copy(os.path.join(PROJECT, "app.py"), target)
    shutil.copytree(os.path.join(PROJECT, "chalicelib"), os.path.join(target, "chalicelib"),
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(os.path.join(PROJECT, "templates"), os.path.join(target, "templates"))
    if compiled:  # what vendor/ adds to the real package: the precompiled theme
        shutil.copytree(os.path.join(PROJECT, "vendor", "compiled_templates"),
                        os.path.join(target, "compiled_templates"))
    # Byte-compile as pip does for the Lambda's libraries, so no run pays for it.
    subprocess.run([sys.executable, "-m", "compileall", "-q", target], check=True)
    return target


def cold_start(slug):
    print("1. cold start: fresh processes, first post page", flush=True)
    variants = {"blog, theme compiled at start": ("blog", lambda_package(False)),
                "blog as packaged (precompiled theme)": ("blog", lambda_package(True)),
                "baseline": ("baseline", PROJECT)}
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    wall = {name: [] for name in variants}
    inner = {name: [] for name in variants}
    engine = {name: [] for name in variants}
    for attempt in range(COLD_RUNS + 1):
        for name, (mode, project) in variants.items():
            started = time.perf_counter()
            done = subprocess.run([sys.executable, os.path.join(HERE, "cold_start.py"), mode,
                                   slug, project], env=env, capture_output=True, text=True)
            elapsed = time.perf_counter() - started
            if done.returncode != 0:
                raise RuntimeError(f"cold start {name} failed: {done.stderr[-2000:]}")
            result = json.loads(done.stdout.strip().splitlines()[-1])
            if result["status"] != 200:
                raise RuntimeError(f"cold start {name}: status {result['status']}")
            if attempt:  # the first round only warms the OS file cache
                wall[name].append(elapsed)
                inner[name].append(result["total_ms"] / 1000)
                engine[name].append((result["total_ms"] - result["wire_ms"]) / 1000)
    base_wall, base_inner, base_engine = (statistics.median(wall["baseline"]),
                                          statistics.median(inner["baseline"]),
                                          statistics.median(engine["baseline"]))
    for name in ("blog, theme compiled at start", "blog as packaged (precompiled theme)"):
        row("1 cold start", f"{name}: process start to first post page",
            ms(statistics.median(wall[name])), ms(base_wall),
            statistics.median(wall[name]) / base_wall,
            "≤ 1.2" if "packaged" in name else "")
        row("1 cold start", f"{name}: import + first request (in process)",
            ms(statistics.median(inner[name])), ms(base_inner),
            statistics.median(inner[name]) / base_inner, "",
            "interpreter start-up excluded")
        row("1 cold start", f"{name}: process start to first post page, less time waiting "
            "on AWS", ms(statistics.median(wall[name]) - statistics.median(inner[name])
                         + statistics.median(engine[name])),
            ms(base_wall - base_inner + base_engine),
            (statistics.median(wall[name]) - statistics.median(inner[name])
             + statistics.median(engine[name])) / (base_wall - base_inner + base_engine), "",
            "moto answers each call in 8-16 ms of its own CPU, serially; ours makes 4 "
            "calls in 2 round trips, the baseline 1")


# -- 2. warm cached page ----------------------------------------------------------

def warm_page(slug):
    print("2. warm cached post page through the handler", flush=True)
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_baseline_app",
                                                  os.path.join(HERE, "baseline", "app.py"))
    baseline = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(baseline)
    event = post_event(slug)
    ours, theirs = call(event), baseline.app(event, CONTEXT)
    assert body_bytes(ours) == body_bytes(theirs), "the baseline must return the same bytes"
    batch = 300
    our_times, their_times = [], []
    with harness.CallMeter() as meter:
        for _ in range(15):
            started = time.perf_counter()
            for _ in range(batch):
                call(event)
            our_times.append((time.perf_counter() - started) / batch)
            started = time.perf_counter()
            for _ in range(batch):
                baseline.app(event, CONTEXT)
            their_times.append((time.perf_counter() - started) / batch)
    ours_median, theirs_median = statistics.median(our_times), statistics.median(their_times)
    row("2 warm", "cached post page via app(event, ctx)", f"{ours_median * 1e6:.0f} µs",
        f"{theirs_median * 1e6:.0f} µs", ours_median / theirs_median, "≤ 1.5",
        f"{meter.total} AWS calls in {15 * batch} cached views")


# -- 3. AWS calls per page view ---------------------------------------------------

PAGE_KINDS = {
    "home": lambda data: proxy_event("/", "/"),
    "post": lambda data: post_event(data["slug"]),
    "static page": lambda data: proxy_event("/pages/about", "/pages/{slug}", {"slug": "about"}),
    "tag": lambda data: proxy_event(f"/tags/{data['tag']}", "/tags/{tag}", {"tag": data["tag"]}),
    "category": lambda data: proxy_event(f"/categories/{data['cat']}", "/categories/{category}",
                                         {"category": data["cat"]}),
    "archive": lambda data: proxy_event(f"/archive/{data['year']}", "/archive/{year}",
                                        {"year": data["year"]}),
    "archive month": lambda data: proxy_event(
        f"/archive/{data['year']}/03", "/archive/{year}/{month}",
        {"year": data["year"], "month": "03"}),
    "search": lambda data: proxy_event("/search", "/search", query={"q": data["word"]}),
    "atom feed": lambda data: proxy_event("/feed.xml", "/feed.xml"),
    "rss feed": lambda data: proxy_event("/rss.xml", "/rss.xml"),
    "tag feed": lambda data: proxy_event(f"/tags/{data['tag']}/feed.xml", "/tags/{tag}/feed.xml",
                                         {"tag": data["tag"]}),
    "sitemap": lambda data: proxy_event("/sitemap.xml", "/sitemap.xml"),
    "404": lambda data: post_event("no-such-post"),
}


def call_counts(data):
    print("3. AWS calls per page view", flush=True)
    from chalicelib.wiring import page_instance, reset

    summary = []
    for kind, make in PAGE_KINDS.items():
        event = make(data)
        reset()
        with harness.CallMeter() as meter:
            status = call(event)["statusCode"]
            cold = dict(meter.calls)
            trips = meter.round_trips
            meter.reset()
            call(event)
            cached = meter.total
            meter.reset()
            current = page_instance()
            real_clock = current._clock
            current._clock = lambda: real_clock() + 61  # cache_seconds is 60
            call(event)
            after = meter.total
        if any(name.startswith("s3:") or name.endswith(":Scan") for name in cold):
            raise RuntimeError(f"{kind} page made an S3 call or a Scan: {cold}")
        detail = ", ".join(f"{name.split(':')[1]} {count}" for name, count in sorted(cold.items()))
        summary.append((kind, status, sum(cold.values()), cached, after, detail))
        row("3 AWS calls", f"{kind} ({status}): cold / cached / after cache_seconds",
            f"{sum(cold.values())} / {cached} / {after}", "-", "-",
            f"≤ 2 round trips: {trips}", detail + "; no S3, no Scan")
    return summary


WRITE_POSTS = 32 if QUICK else 64   # whole folds (search_index.FOLD_AT)


def writes(found, count):
    """Calls and write units per post through the S3 event's path: new, edited, and
    new ordinary English posts."""
    print("3b. writes per post", flush=True)
    posts = corpus.generate(count, seed=5, prefix="write")
    phases = {"new": posts, "edited": posts,
              "new ordinary English (~240 words: docstrings)": corpus.english(count)}
    figures = {}
    for phase, batch in phases.items():
        with harness.CallMeter() as meter:
            for post in batch:
                key = f"posts/{post.slug}.md"
                text = post.blog_source()
                if phase == "edited":  # one sentence added at the end
                    text += "\nOne more sentence, added later.\n"
                found.store.put(key, text.encode("utf-8"))
                meter.calls.clear()  # the upload is the author's, not the indexer's
                before = meter.write_units
                assert found.sync(key).action == "indexed"
                figures.setdefault(phase, []).append((sum(meter.calls.values()),
                                                      meter.write_units - before))
    for phase, numbers in figures.items():
        # Means, not medians: every 32nd new post also pays for folding the
        # search words of the 32 before it, and a mean shares that out.
        calls = statistics.mean(number[0] for number in numbers)
        units = statistics.mean(number[1] for number in numbers)
        article = "an" if phase[0] in "aeiou" else "a"
        row("3b writes", f"{article} {phase} post: AWS calls / DynamoDB write units "
            f"(mean of {len(numbers)})", f"{calls:.1f} / {units:.1f}", "-", "-", "",
            "units as DynamoDB bills them: 1 per KiB of the item written (an update: of the "
            "stored item), 2 in a transaction; folds included")


# -- 4. scale ---------------------------------------------------------------------

def scale(tables, words):
    print("4. scale: uncached page views at 10,000 posts vs 100", flush=True)
    pages = {
        "home": proxy_event("/", "/"),
        "tag": proxy_event("/tags/topic03", "/tags/{tag}", {"tag": "topic03"}),
        "archive": proxy_event("/archive/2023", "/archive/{year}", {"year": "2023"}),
        "feed": proxy_event("/feed.xml", "/feed.xml"),
        f"search (word in ~1% of posts: {words[0]})":
            proxy_event("/search", "/search", query={"q": words[0]}),
        f"search (word in ~10% of posts: {words[1]})":
            proxy_event("/search", "/search", query={"q": words[1]}),
    }
    results = {size: {name: {"wall": [], "engine": [], "calls": 0} for name in pages}
               for size in tables}
    for _ in range(2):  # two passes, sizes alternating, against drift
        for size, table in tables.items():
            harness.use_table(table)
            for event in pages.values():  # settings and sidebar: once per instance
                call(event)
            with harness.CallMeter() as meter:
                for _ in range(SCALE_RUNS):
                    for name, event in pages.items():
                        clear_pages()
                        meter.reset()
                        started = time.perf_counter()
                        response = call(event)
                        elapsed = time.perf_counter() - started
                        assert response["statusCode"] == 200, (name, response["statusCode"])
                        results[size][name]["wall"].append(elapsed)
                        results[size][name]["engine"].append(elapsed - meter.waiting_seconds)
                        results[size][name]["calls"] = meter.total
    small, large = sorted(tables)
    for name in pages:
        target = "≤ 3" if name.startswith("search") else "≤ 1.5"
        a, b = results[small][name], results[large][name]
        engine_a, engine_b = statistics.median(a["engine"]), statistics.median(b["engine"])
        wall_a, wall_b = statistics.median(a["wall"]), statistics.median(b["wall"])
        row("4 scale", f"{name}: engine time, {large:,} vs {small:,} posts", ms(engine_b),
            ms(engine_a), engine_b / engine_a, target,
            f"AWS calls {b['calls']} vs {a['calls']}")
        row("4 scale", f"{name}: wall time incl. moto round trips", ms(wall_b), ms(wall_a),
            wall_b / wall_a, "", "moto's per-call cost grows with partition size")


# -- 5. memory --------------------------------------------------------------------

def memory(table, slugs):
    print("5. peak RSS after serving many distinct pages", flush=True)
    env = dict(os.environ, BLOG_TABLE=table, BLOG_PAGE_CACHE_BYTES=str(CACHE_BYTES),
               BENCH_SLUGS=json.dumps(slugs), BENCH_TAGS=json.dumps(corpus.TAGS))
    found = {}
    for count in MEMORY_PAGES:
        done = subprocess.run([sys.executable, os.path.join(HERE, "memory.py"), str(count)],
                              env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"memory run failed: {done.stderr[-2000:]}")
        found[count] = json.loads(done.stdout.strip().splitlines()[-1])
    few, many = MEMORY_PAGES
    row("5 memory", f"peak RSS after {many:,} vs {few:,} distinct pages",
        f"{found[many]['peak_mib']:.0f} MiB", f"{found[few]['peak_mib']:.0f} MiB",
        found[many]["peak_mib"] / found[few]["peak_mib"], "",
        f"page cache bound {CACHE_BYTES // 2**20} MiB; held "
        f"{found[many]['cache_bytes'] / 2**20:.1f} MiB in {found[many]['cache_pages']:,} pages")


# -- 6. Pelican ---------------------------------------------------------------------

def pelican_env():
    """The Pelican venv in .bench/, created from bench/requirements.txt on first use."""
    venv = os.path.join(WORK, "venv-pelican")
    binary = os.path.join(venv, "bin", "pelican")
    stamp = os.path.join(venv, ".installed")
    requirements = os.path.join(HERE, "requirements.txt")
    if os.path.exists(stamp) and os.path.getmtime(stamp) >= os.path.getmtime(requirements):
        return binary
    print("  installing Pelican into .bench/venv-pelican ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", "--clear", venv], check=True)
    subprocess.run([os.path.join(venv, "bin", "python"), "-m", "pip", "install", "--quiet",
                    "-r", requirements], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    with open(stamp, "w", encoding="utf-8") as handle:
        handle.write("ok\n")
    return binary


PELICAN_CONF = """\
SITENAME = "Bench Blog"
SITEURL = ""
AUTHOR = "Bench"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 10
RELATIVE_URLS = True
"""


def pelican_build(binary, site):
    started = time.perf_counter()
    subprocess.run([binary, "content", "-o", "output", "-s", "pelicanconf.py", "-q",
                    "--delete-output-directory"], cwd=site, check=True,
                   capture_output=True)
    elapsed = time.perf_counter() - started
    pages = sum(1 for _, _, files in os.walk(os.path.join(site, "output"))
                for name in files if name.endswith(".html"))
    return elapsed, pages


def against_pelican():
    """Section 6's Pelican rows on a blog of their own (the moto server is running)."""
    pelican_posts = corpus.generate(PELICAN_POSTS, seed=11, prefix="pel")
    middle = harness.create_blog("bench-pelican")
    harness.seed(middle, pelican_posts, f"{PELICAN_POSTS:,} (Pelican comparison)")
    pelican(middle, pelican_posts, [post.slug for post in pelican_posts])


def pelican(found, posts, slugs):
    print(f"6. against Pelican 4.12.0 on the same {len(posts):,} posts", flush=True)
    try:
        binary = pelican_env()
    except (subprocess.CalledProcessError, OSError) as error:
        row("6 Pelican", "Pelican comparison", "-", "-", "skipped", "",
            f"could not install Pelican: {error}")
        return
    site = os.path.join(WORK, "pelican")
    shutil.rmtree(site, ignore_errors=True)
    os.makedirs(os.path.join(site, "content"))
    with open(os.path.join(site, "pelicanconf.py"), "w", encoding="utf-8") as handle:
        handle.write(PELICAN_CONF)
    for post in posts:
        with open(os.path.join(site, "content", f"{post.slug}.md"), "w",
                  encoding="utf-8") as handle:
            handle.write(post.pelican_source())
    pelican_build(binary, site)  # warm the file cache and Pelican's imports once

    new_posts = corpus.generate(3 if QUICK else 5, seed=99, prefix="fresh")
    ours, theirs, pages = [], [], 0
    for post in new_posts:
        key = f"posts/{post.slug}.md"
        started = time.perf_counter()
        found.store.put(key, post.blog_source().encode("utf-8"))
        result = found.sync(key)
        ours.append(time.perf_counter() - started)
        assert result.action == "indexed", result
        assert call(post_event(post.slug))["statusCode"] == 200
        with open(os.path.join(site, "content", f"{post.slug}.md"), "w",
                  encoding="utf-8") as handle:
            handle.write(post.pelican_source())
        elapsed, pages = pelican_build(binary, site)
        theirs.append(elapsed)
    ours_median, theirs_median = statistics.median(ours), statistics.median(theirs)
    row("6 Pelican", "publish one post until servable (S3 put + index vs full rebuild)",
        ms(ours_median), ms(theirs_median), ours_median / theirs_median, "",
        f"Pelican wrote {pages:,} HTML pages per build")

    harness.use_table(found.index.table.name)
    call(post_event(slugs[0]))
    started = time.perf_counter()
    for slug in slugs:
        clear_pages()
        assert call(post_event(slug))["statusCode"] == 200
    per_page = (time.perf_counter() - started) / len(slugs)
    pelican_per_page = theirs_median / pages
    row("6 Pelican", f"cost per page: {len(slugs):,} uncached post views vs build / pages",
        ms(per_page), ms(pelican_per_page), per_page / pelican_per_page, "",
        "ours includes 3 DynamoDB round trips to moto per view (post, 2 neighbours)")


# -- 6. WordPress import -----------------------------------------------------------

def wordpress_import():
    print("6. blog import wordpress: generated exports, fresh processes", flush=True)
    import wordpress_import as importing

    few, many = (importing.measure(posts, WORK) for posts in WP_IMPORT_POSTS)
    small, large = WP_IMPORT_POSTS
    row("6 import", f"`blog import wordpress`, {large:,} vs {small:,} posts "
        f"({many['export_mib']:.0f} MiB export)", f"{many['seconds']:.1f} s",
        f"{few['seconds']:.1f} s", many["seconds"] / few["seconds"], "",
        f"{many['posts_per_second']:.0f} posts/s; run again (unchanged) "
        f"{many['again_seconds']:.1f} s")
    row("6 import", f"peak RSS importing {large:,} vs {small:,} posts",
        f"{many['peak_mib']:.0f} MiB", f"{few['peak_mib']:.0f} MiB",
        many["peak_mib"] / few["peak_mib"], "≤ 1.5", "the export is streamed")


# -- 7. local mode at size ---------------------------------------------------------

LOCAL_SIZES = (100, 1000) if QUICK else (100, 1000, 10_000)


def local_mode():
    print("7. blog serve over generated folders (fresh processes)", flush=True)
    import local_scale

    found = {}
    for size in LOCAL_SIZES:
        found[size] = local_scale.measure(size, WORK)
        figures = found[size]
        row("7 local mode", f"`blog serve`, {size:,} posts: first answer / fully indexed",
            f"{figures['first_answer_s']:.1f} s / {figures['indexed_s']:.1f} s", "-", "-", "",
            f"{figures['per_post_ms']:.1f} ms a post after start-up; Ctrl-C stopped it in "
            f"{figures['stop_s']:.2f} s")
        live = figures["live_mib"]
        row("7 local mode", f"`blog serve`, {size:,} posts: peak RSS vs live data",
            f"{figures['peak_mib']:.0f} MiB", "-" if live is None else f"{live:.1f} MiB",
            "-" if live is None else figures["peak_mib"] / max(live, 0.1), "",
            "live data: the objects' bytes plus the items' JSON in the embedded AWS")
    small, large = LOCAL_SIZES[0], LOCAL_SIZES[-1]
    row("7 local mode", f"time a post, {large:,} vs {small:,} posts",
        f"{found[large]['per_post_ms']:.1f} ms", f"{found[small]['per_post_ms']:.1f} ms",
        found[large]["per_post_ms"] / found[small]["per_post_ms"], "≤ 1.5")
    measured = [size for size in LOCAL_SIZES if found[size]["live_mib"] is not None]
    small, large = measured[0], measured[-1]
    grown = found[large]["peak_mib"] - found[small]["peak_mib"]
    data = found[large]["live_mib"] - found[small]["live_mib"]
    row("7 local mode", f"memory growth vs live data growth, {small:,} to {large:,} posts",
        f"{grown:.0f} MiB", f"{data:.1f} MiB", grown / max(data, 0.1), "≤ 2",
        "the embedded moto keeps each item packed (blog_cli/packed_items.py)")
    stop = local_scale.interrupt_while_loading(LOCAL_SIZES[1], WORK, after=3.0)
    row("7 local mode", f"Ctrl-C during the first load of {LOCAL_SIZES[1]:,} posts",
        f"{stop:.2f} s", "-", "-", "≤ 2 s")


# -- media --------------------------------------------------------------------------

def media_rows():
    """Image bytes of the demo home page on a phone, and the cost of making variants."""
    import media_weight

    print("media: demo home page on a phone; variants of the demo pictures", flush=True)
    loaded, originals, images = media_weight.demo_home_weight()
    row("media", f"demo home page images at {media_weight.PHONE_WIDTH} px "
        f"(DPR {media_weight.PHONE_DENSITY})", f"{loaded:,} B", f"{originals:,} B originals",
        loaded / originals if originals else "n/a",
        note=f"{images} image(s), every one counted as if scrolled to")
    shipped, pictures = media_weight.variant_seconds_per_megapixel(runs=3 if QUICK else 5)
    webp, _ = media_weight.variant_seconds_per_megapixel(runs=3 if QUICK else 5,
                                                         formats=("WEBP",))
    row("media", "time to make variants, per megapixel", ms(shipped), f"{ms(webp)} WebP only",
        shipped / webp, note=f"median of {pictures} demo pictures; formats "
        f"{'+'.join(media_weight.shipped_formats())}")


# -- the run ----------------------------------------------------------------------

def print_table(info, started):
    print()
    print(f"Machine: {info['cpu']}, {info['cores']} cores, Python {info['python']}, "
          f"{info['os']}; {info['date']}; AWS: moto server (ThreadedMotoServer, in process); "
          f"run took {(time.perf_counter() - started) / 60:.1f} min")
    print()
    header = ("section", "measure", "ours", "reference", "ratio", "target", "", "note")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for line in rows:
        print("| " + " | ".join(str(cell) for cell in line) + " |")


def main():
    started = time.perf_counter()
    info = machine()
    print(f"bench: {info['cpu']} x{info['cores']}, Python {info['python']}, {info['date']}",
          flush=True)
    os.makedirs(WORK, exist_ok=True)
    server = harness.MotoServer()
    try:
        _, small_posts, slug = small_blog()
        large_posts = corpus.generate(LARGE)
        words = (corpus.word_near_frequency(large_posts, 0.01),
                 corpus.word_near_frequency(large_posts, 0.10))
        data = {"slug": slug, "tag": "topic03", "cat": "code", "year": "2023",
                "word": words[0]}

        cold_start(slug)
        harness.use_table("bench-small")
        warm_page(slug)
        harness.use_table("bench-small")
        call_counts(data)
        writes(harness.create_blog("bench-writes"), WRITE_POSTS)

        against_pelican()
        # The small table keeps moto's per-Query cost low; the URLs are what matter.
        memory("bench-small", [post.slug for post in small_posts])

        large = harness.create_blog("bench-large")
        harness.seed(large, large_posts, f"{LARGE:,}")
        scale({SMALL: "bench-small", LARGE: "bench-large"}, words)
    finally:
        server.stop()
    wordpress_import()
    local_mode()
    print_table(info, started)


def alone(section, server=True):
    """Run one section by itself (``python bench/run.py NAME``) and print its table."""
    started, info = time.perf_counter(), machine()
    os.makedirs(WORK, exist_ok=True)
    moto = harness.MotoServer() if server else None
    try:
        section()
    finally:
        if moto is not None:
            moto.stop()
    print_table(info, started)


def small_blog():
    """The 100-post blog, a static page, and the baseline's copy of one post page:
    (services, posts, that post's slug)."""
    small_posts = corpus.generate(SMALL)
    small = harness.create_blog("bench-small")
    harness.seed(small, small_posts, f"{SMALL:,}")
    about = "---\ntitle: About\n---\n\nA static page.\n"
    small.store.put("pages/about.md", about.encode("utf-8"))
    small.sync("pages/about.md")
    slug = small_posts[SMALL // 2].slug
    harness.use_table("bench-small")
    body = body_bytes(call(post_event(slug))).decode("utf-8")
    small.index.table.put({"pk": "BASELINE", "sk": slug, "body": body})
    return small, small_posts, slug


def scale_section():
    """Section 4 with both sizes seeded first."""
    harness.seed(harness.create_blog("bench-small"), corpus.generate(SMALL), f"{SMALL:,}")
    large_posts = corpus.generate(LARGE)
    harness.seed(harness.create_blog("bench-large"), large_posts, f"{LARGE:,}")
    scale({SMALL: "bench-small", LARGE: "bench-large"},
          (corpus.word_near_frequency(large_posts, 0.01),
           corpus.word_near_frequency(large_posts, 0.10)))


# ``python bench/run.py NAME`` runs one section alone.
SECTIONS = {
    "writes": lambda: alone(lambda: writes(harness.create_blog("bench-writes"),
                                           WRITE_POSTS)),
    "scale": lambda: alone(scale_section),
    "cold": lambda: alone(lambda: cold_start(small_blog()[2])),
    "pelican": lambda: alone(against_pelican),
    "local": lambda: alone(local_mode, server=False),
}

if __name__ == "__main__":
    SECTIONS.get(" ".join(sys.argv[1:]), main)()
