"""The Jinja2 environment for the theme in ``templates/``.

``templates/`` sits beside ``app.py`` both in the project and in the Lambda
package (``vendor/templates`` links to it), so one path serves both.

Compiling the theme costs a cold start about 35 ms (Jinja2 lexes, parses and
generates Python for base, widgets and the page). ``python -m chalicelib.render
compile DIR`` writes the compiled theme once, at packaging time; when
``compiled_templates/`` beside ``templates/`` holds a compilation of exactly
the current theme, pages load it instead. A stale or missing one is ignored,
so the theme always comes from ``templates/``.
"""
import hashlib
import os
import sys
from functools import lru_cache

from chalicelib import urls

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
THEME_DIR = os.path.join(ROOT, "templates")
COMPILED_DIR = os.path.join(ROOT, "compiled_templates")
MANIFEST = "theme.sha256"
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")


def _format_date(moment, tz, pattern="%B %-d, %Y"):
    if moment is None:
        return ""
    return moment.astimezone(tz).strftime(pattern)


def _month_name(number):
    return MONTH_NAMES[number - 1]


def theme_fingerprint(theme_dir=THEME_DIR):
    """A hash of every theme file's name and bytes: what a compilation must match."""
    digest = hashlib.sha256()
    for folder, dirs, files in sorted(os.walk(theme_dir, followlinks=True)):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            digest.update(os.path.relpath(path, theme_dir).encode("utf-8") + b"\0")
            with open(path, "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()


def _compiled_is_current(compiled_dir, theme_dir):
    try:
        with open(os.path.join(compiled_dir, MANIFEST), encoding="ascii") as handle:
            recorded = handle.read().strip()
    except OSError:
        return False
    return recorded == theme_fingerprint(theme_dir)


def json_ld(data):
    """``data`` as JSON that is safe inside <script type="application/ld+json">.

    ``<``, ``>`` and ``&`` become JSON escapes, so no string can close the
    element (``</script>``) or open a comment; JSON readers decode them back.
    """
    import json

    from markupsafe import Markup

    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return Markup(text)


def _build(loader):
    from jinja2 import Environment, StrictUndefined

    env = Environment(loader=loader, autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    env.filters["month_name"] = _month_name
    env.filters["json_ld"] = json_ld
    env.globals["paths"] = urls  # every template builds its links from the one URL module
    return env


@lru_cache(maxsize=1)
def environment():
    """The theme's Environment, built once per process, autoescape always on."""
    from jinja2 import FileSystemLoader

    if _compiled_is_current(COMPILED_DIR, THEME_DIR):
        from jinja2 import ChoiceLoader, ModuleLoader

        return _build(ChoiceLoader([ModuleLoader(COMPILED_DIR), FileSystemLoader(THEME_DIR)]))
    return _build(FileSystemLoader(THEME_DIR))


def compile_theme(target, theme_dir=THEME_DIR):
    """Compile every template of the theme into ``target`` with its fingerprint."""
    from jinja2 import FileSystemLoader

    os.makedirs(target, exist_ok=True)
    for name in os.listdir(target):
        if name.endswith(".py") or name == MANIFEST:
            os.remove(os.path.join(target, name))
    _build(FileSystemLoader(theme_dir)).compile_templates(
        target, zip=None, ignore_errors=False, log_function=None)
    with open(os.path.join(target, MANIFEST), "w", encoding="ascii") as handle:
        handle.write(theme_fingerprint(theme_dir) + "\n")
    return target


def render(template, **context):
    """Render ``template`` from the theme with ``context``."""
    tz = context["site"].tzinfo
    context.setdefault("date", lambda moment, pattern="%B %-d, %Y": _format_date(
        moment, tz, pattern))
    return environment().get_template(template).render(**context)


if __name__ == "__main__":  # python -m chalicelib.render compile [DIR]
    if len(sys.argv) < 2 or sys.argv[1] != "compile":
        sys.exit("usage: python -m chalicelib.render compile [DIR]")
    print(compile_theme(sys.argv[2] if len(sys.argv) > 2 else COMPILED_DIR))
