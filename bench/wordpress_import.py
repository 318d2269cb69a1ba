"""`blog import wordpress` on a generated export: time and peak memory.

``measure(posts)`` writes a WXR 1.2 export of that many classic posts (a few
paragraphs each, categories, tags, a comment, a shortcode; every tenth has a
code block), then imports it in a fresh process, twice: the first run
writes the folder, the second finds it unchanged. Peak memory is the child's
RSS high-water mark, so a flat figure across sizes means the import streams.

    python bench/wordpress_import.py [POSTS...]      # default: 1000 5000
"""
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

from corpus import CATEGORIES, TAGS, VOCABULARY  # noqa: E402
from memory import peak_rss_mib  # noqa: E402

HEADER = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Bench Export</title><link>https://bench.example</link>
<description>Generated</description><language>en</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example</wp:base_site_url>
<wp:author><wp:author_login>bench</wp:author_login>
<wp:author_display_name>Bench Writer</wp:author_display_name></wp:author>
"""
FIRST = datetime(2015, 1, 1, 9, 0)


def _cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _words(rng, count):
    return " ".join(rng.choice(VOCABULARY) for _ in range(count))


def _item(number, rng):
    when = FIRST + timedelta(hours=7 * number)
    local, gmt = (when + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S"), \
        when.strftime("%Y-%m-%d %H:%M:%S")
    slug = f"post-{number:05d}"
    paragraphs = [_words(rng, rng.randint(30, 90)) + ".\n" + _words(rng, 20) + "."
                  for _ in range(rng.randint(3, 6))]
    paragraphs.insert(1, f'<a href="https://bench.example/{slug}/">self</a> <strong>'
                         f"{_words(rng, 3)}</strong><!--more-->")
    if number % 10 == 0:
        paragraphs.append('[code lang="python"]\ndef f(x):\n    return x < 2\n[/code]')
    if number % 25 == 0:
        paragraphs.append('[contact-form-7 id="1"]')
    tags = "".join(f'<category domain="post_tag" nicename="{tag}">{_cdata(tag)}</category>'
                   for tag in rng.sample(TAGS, 3))
    category = rng.choice(CATEGORIES)
    return f"""<item><title>{_cdata(_words(rng, 5).title())}</title>
<link>https://bench.example/{when:%Y/%m/%d}/{slug}/</link><dc:creator>bench</dc:creator>
<content:encoded>{_cdata(chr(10).join(p + chr(10) for p in paragraphs))}</content:encoded>
<excerpt:encoded>{_cdata("")}</excerpt:encoded>
<wp:post_id>{number}</wp:post_id><wp:post_date>{local}</wp:post_date>
<wp:post_date_gmt>{gmt}</wp:post_date_gmt><wp:post_modified>{local}</wp:post_modified>
<wp:post_modified_gmt>{gmt}</wp:post_modified_gmt><wp:post_name>{slug}</wp:post_name>
<wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent>
<wp:menu_order>0</wp:menu_order><wp:post_type>post</wp:post_type>
<category domain="category" nicename="{category.lower()}">{escape(category)}</category>{tags}
<wp:comment><wp:comment_id>{number}</wp:comment_id><wp:comment_author>Reader</wp:comment_author>
<wp:comment_date>{local}</wp:comment_date><wp:comment_date_gmt>{gmt}</wp:comment_date_gmt>
<wp:comment_content>{_cdata(_words(rng, 25))}</wp:comment_content>
<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent>
</wp:comment></item>
"""


def generate_export(path, posts, seed=3):
    """Write a WXR 1.2 export of ``posts`` classic posts to ``path``; its size in bytes."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(HEADER)
        for number in range(1, posts + 1):
            handle.write(_item(number, rng))
        handle.write("</channel>\n</rss>\n")
    return os.path.getsize(path)


def _child(export, out):
    """Run one import in this process and print its figures as one JSON line."""
    from blog_cli.wordpress import import_wordpress

    started = time.perf_counter()
    report = import_wordpress(export, out)
    print(json.dumps({"seconds": time.perf_counter() - started, "peak_mib": peak_rss_mib(),
                      "posts": report.posts, "unchanged": report.unchanged}))


def _run_child(export, out):
    done = subprocess.run([sys.executable, os.path.abspath(__file__), "--child", export, out],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"import failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(posts=5000, workdir=None):
    """Import a generated export of ``posts`` posts twice; time and peak memory of each run."""
    own = workdir is None
    workdir = workdir or tempfile.mkdtemp(prefix="wp-bench-")
    os.makedirs(workdir, exist_ok=True)
    try:
        export = os.path.join(workdir, f"export-{posts}.xml")
        out = os.path.join(workdir, f"blog-{posts}")
        shutil.rmtree(out, ignore_errors=True)
        size = generate_export(export, posts)
        first = _run_child(export, out)
        again = _run_child(export, out)
        if first["posts"] != posts or not again["unchanged"]:
            raise RuntimeError(f"unexpected import result: {first} then {again}")
        return {"posts": posts, "export_mib": size / 2**20,
                "seconds": first["seconds"], "peak_mib": first["peak_mib"],
                "posts_per_second": posts / first["seconds"],
                "again_seconds": again["seconds"], "again_peak_mib": again["peak_mib"]}
    finally:
        if own:
            shutil.rmtree(workdir, ignore_errors=True)


def main(sizes):
    """Print the figures for each size."""
    for posts in sizes:
        found = measure(posts)
        print(f"{posts:,} posts ({found['export_mib']:.1f} MiB export): "
              f"{found['seconds']:.1f} s ({found['posts_per_second']:.0f} posts/s), "
              f"peak RSS {found['peak_mib']:.0f} MiB; "
              f"second run (unchanged) {found['again_seconds']:.1f} s, "
              f"peak {found['again_peak_mib']:.0f} MiB", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2], sys.argv[3])
    else:
        main([int(arg) for arg in sys.argv[1:]] or [1000, 5000])
