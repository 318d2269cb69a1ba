"""Reading a local site.yaml: validated settings, or its problems as file:line."""
import re
from dataclasses import replace
from pathlib import Path

from chalicelib.errors import InvalidSiteConfig
from chalicelib.site import SiteConfig, parse_site_yaml
from chalicelib.widget_config import prepare_for_storage

LINE_PREFIX = re.compile(r"^line (\d+): ")


class SiteFileError(Exception):
    """site.yaml cannot be used; ``problems`` are 'file:line: problem' strings."""

    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = list(problems)


def located(path, message, line=None):
    """'file:line: problem', with line 1 when the problem has no better place."""
    return f"{path}:{line or 1}: {message}"


def site_problems(path, error):
    """InvalidSiteConfig's 'line N: ...' messages as 'file:N: ...'."""
    found = []
    for message in error.problems:
        match = LINE_PREFIX.match(message)
        if match:
            found.append(located(path, message[match.end():], int(match.group(1))))
        else:
            found.append(located(path, message))
    return found


def read_site_file(path):
    """Parse and validate a site.yaml file; raise SiteFileError with every problem."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SiteFileError([f"{path}: cannot read: {error.strerror}"]) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise SiteFileError([located(path, "not UTF-8 text", line)]) from None
    try:
        return parse_site_yaml(text)
    except InvalidSiteConfig as error:
        raise SiteFileError(site_problems(path, error)) from None


def storage_form(config):
    """The JSON the site item stores: widgets pre-rendered as `blog config push` does."""
    return replace(config, widgets=prepare_for_storage(config.widgets)).to_json()


def changes_indexed_posts(before, after):
    """True if new settings change what indexing stored (dates' timezone, default
    author, and whether post HTML is cleaned)."""
    def indexed(settings):
        return settings.timezone, settings.author, settings.raw_html

    return indexed(before) != indexed(after)


def push_site_file(path, index):
    """Validate ``path`` and store it with ``index``; return the SiteConfig."""
    config = read_site_file(path)
    stored = storage_form(config)
    # What the app will read back must be what was validated: one set of rules.
    if SiteConfig.from_json(stored).settings != config.settings:
        raise SiteFileError([located(path, "the settings would not read back as written")])
    index.save_site_config(stored)
    return config
