"""The theme: autoescape, the Pygments stylesheet, and the layout the package relies on."""
from pathlib import Path

import pytest

from chalicelib.code_colors import DARK_STYLE, LIGHT_STYLE
from chalicelib.render import THEME_DIR, environment

PROJECT = Path(__file__).resolve().parent.parent


def test_autoescape_is_on_for_every_template():
    env = environment()
    template = env.from_string("{{ value }}")
    assert template.render(value="<script>") == "&lt;script&gt;"
    assert env.autoescape is True


def test_the_syntax_colours_match_what_the_installed_pygments_generates():
    from chalicelib.code_colors import stylesheet

    shipped = (PROJECT / "templates" / "highlight.css").read_text()
    assert shipped == stylesheet(), "the syntax colours are stale: run `make theme`"


def contrast(first, second):
    """WCAG contrast ratio of two #rrggbb colours."""
    def luminance(colour):
        colour = colour.lstrip("#")
        if len(colour) == 3:
            colour = "".join(c * 2 for c in colour)
        channels = [int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("style", [LIGHT_STYLE, DARK_STYLE])
def test_every_syntax_colour_of_both_modes_passes_wcag_aa_on_its_background(style):
    from pygments.styles import get_style_by_name

    theme = get_style_by_name(style)
    for token, rule in theme:
        if rule["color"] and "Whitespace" not in str(token):
            background = "#" + rule["bgcolor"] if rule["bgcolor"] else theme.background_color
            assert contrast("#" + rule["color"], background) >= 4.5, (style, token)


def test_the_theme_is_the_top_level_templates_folder_and_ships_via_vendor():
    assert Path(THEME_DIR) == PROJECT / "templates"
    link = PROJECT / "vendor" / "templates"
    assert link.is_symlink() and link.resolve() == PROJECT / "templates"


def test_one_template_per_page_kind_extends_base():
    for name in ("home.html", "post.html", "page.html", "list.html", "search.html",
                 "404.html", "error.html"):
        assert (PROJECT / "templates" / name).read_text().startswith('{% extends "base.html" %}')


def test_the_precompiled_theme_in_vendor_matches_the_templates():
    from chalicelib.render import MANIFEST, theme_fingerprint

    recorded = (PROJECT / "vendor" / "compiled_templates" / MANIFEST).read_text().strip()
    assert recorded == theme_fingerprint(), "the theme changed: run `make theme`"


def test_a_compiled_theme_renders_what_the_source_renders(tmp_path):
    from jinja2 import FileSystemLoader, ModuleLoader

    from chalicelib.render import _build, compile_theme

    compile_theme(str(tmp_path))
    context = {"site": type("S", (), {"language": "en", "title": "T", "tagline": "",
                                      "author": "", "show_empty_areas": True})(),
               "areas": {"header-sidebar": [], "sidebar": [], "footer": []},
               "area_names": {"header-sidebar": "Header Sidebar", "sidebar": "Sidebar",
                              "footer": "Footer"},
               "url": lambda path: path, "absolute": lambda path: path, "canonical": None,
               "assets": {"stylesheet": "/theme/style.css", "icon": "/theme/icon.svg"},
               "description": "", "extra_feeds": [], "bare": False, "reason": ""}
    source = _build(FileSystemLoader(str(PROJECT / "templates"))).get_template("404.html")
    compiled = _build(ModuleLoader(str(tmp_path))).get_template("404.html")
    assert compiled.render(**context) == source.render(**context)
    assert "Your Sidebar area is currently empty." in compiled.render(**context)
