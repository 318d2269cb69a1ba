"""The Chalice project on disk: where it is, and its stages in .chalice/config.json."""
import json
import os
from pathlib import Path

import click

CONFIG_PATH = Path(".chalice") / "config.json"
LOCAL_STAGE = "local"


def find_project_dir(start=None):
    """The nearest directory (from ``start`` or the cwd, upwards) holding .chalice/config.json.

    Falls back to the directory this package was installed from, so `blog`
    also works from outside the checkout.
    """
    here = Path(start or os.getcwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / CONFIG_PATH).is_file():
            return candidate
    installed = Path(__file__).resolve().parent.parent
    if (installed / CONFIG_PATH).is_file():
        return installed
    raise click.ClickException(
        "no Chalice project found: run `blog` inside the blog's folder "
        "(the one with .chalice/config.json)")


class Project:
    """The project's config.json: stages and their environment variables."""

    def __init__(self, directory):
        self.directory = Path(directory)
        self.config_file = self.directory / CONFIG_PATH

    @classmethod
    def find(cls):
        """The project around the current directory."""
        return cls(find_project_dir())

    def load(self):
        """The parsed config.json."""
        try:
            return json.loads(self.config_file.read_text(encoding="utf-8"))
        except OSError as error:
            raise click.ClickException(f"cannot read {self.config_file}: {error.strerror}")
        except ValueError as error:
            raise click.ClickException(f"{self.config_file}: not valid JSON: {error}")

    @property
    def app_name(self):
        """The Chalice app name (used for default resource names)."""
        return self.load().get("app_name", "serverless-blog")

    def stage_names(self):
        """Every stage defined in config.json."""
        return sorted(self.load().get("stages", {}))

    def stage_environment(self, stage):
        """Top-level environment_variables merged with the stage's, as Chalice does."""
        config = self.load()
        stages = config.get("stages", {})
        if stage not in stages:
            known = ", ".join(sorted(stages)) or "none"
            raise click.ClickException(
                f"stage {stage!r} is not in {CONFIG_PATH} (stages: {known})")
        merged = dict(config.get("environment_variables") or {})
        merged.update(stages[stage].get("environment_variables") or {})
        return merged

    def record_names(self, stage, bucket, table):
        """Write BLOG_BUCKET/BLOG_TABLE into the stage; True if the file changed.

        Everything else in the file is kept as it was (order included).
        """
        config = self.load()
        stage_config = config.setdefault("stages", {}).setdefault(stage, {})
        variables = stage_config.setdefault("environment_variables", {})
        if variables.get("BLOG_BUCKET") == bucket and variables.get("BLOG_TABLE") == table:
            return False
        variables["BLOG_BUCKET"] = bucket
        variables["BLOG_TABLE"] = table
        text = json.dumps(config, indent=2, ensure_ascii=False) + "\n"
        temporary = self.config_file.with_suffix(".json.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, self.config_file)
        return True
