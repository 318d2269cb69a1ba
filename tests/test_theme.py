"""The theme: autoescape, the Pygments stylesheet, and the layout the package relies on."""
from pathlib import Path

from pygments.formatters import HtmlFormatter

from chalicelib.render import THEME_DIR, environment

PROJECT = Path(__file__).resolve().parent.parent


def test_autoescape_is_on_for_every_template():
    env = environment()
    template = env.from_string("{{ value }}")
    assert template.render(value="<script>") == "&lt;script&gt;"
    assert env.autoescape is True


def test_the_pygments_stylesheet_matches_the_installed_pygments():
    shipped = (PROJECT / "templates" / "pygments.css").read_text().split("\n", 1)[1]
    assert shipped.strip() == HtmlFormatter(style="friendly").get_style_defs(".highlight").strip()


def test_the_theme_is_the_top_level_templates_folder_and_ships_via_vendor():
    assert Path(THEME_DIR) == PROJECT / "templates"
    link = PROJECT / "vendor" / "templates"
    assert link.is_symlink() and link.resolve() == PROJECT / "templates"


def test_one_template_per_page_kind_extends_base():
    for name in ("home.html", "post.html", "page.html", "list.html", "search.html",
                 "404.html", "error.html"):
        assert (PROJECT / "templates" / name).read_text().startswith('{% extends "base.html" %}')
