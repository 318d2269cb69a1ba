"""The Jinja2 environment for the theme in ``templates/``.

``templates/`` sits beside ``app.py`` both in the project and in the Lambda
package (``vendor/templates`` links to it), so one path serves both.
"""
import os
from functools import lru_cache

THEME_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                         "templates")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")


def _format_date(moment, tz, pattern="%B %-d, %Y"):
    if moment is None:
        return ""
    return moment.astimezone(tz).strftime(pattern)


def _month_name(number):
    return MONTH_NAMES[number - 1]


@lru_cache(maxsize=1)
def environment():
    """The theme's Environment, built once per process, autoescape always on."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(THEME_DIR), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      auto_reload=False)
    env.filters["month_name"] = _month_name
    return env


def render(template, **context):
    """Render ``template`` from the theme with ``context``."""
    tz = context["site"].tzinfo
    context.setdefault("date", lambda moment, pattern="%B %-d, %Y": _format_date(
        moment, tz, pattern))
    return environment().get_template(template).render(**context)
