"""The Chalice project on disk: where it is, and its stages in .chalice/config.json."""
import json
import os
from pathlib import Path

import click

from blog_cli.policies import stage_policies

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
        """Record the stage's names and least-privilege policies; list what changed.

        BLOG_BUCKET/BLOG_TABLE go into the stage, which gets a policy file per
        function naming exactly that bucket and table. Everything else in
        config.json is kept as it was (order included).
        """
        config = self.load()
        stage_config = config.setdefault("stages", {}).setdefault(stage, {})
        before = json.dumps(stage_config, sort_keys=True)
        variables = stage_config.setdefault("environment_variables", {})
        variables["BLOG_BUCKET"] = bucket
        variables["BLOG_TABLE"] = table
        policies = stage_policies(config.get("app_name", "serverless-blog"), stage, bucket,
                                  table)
        handler_file, pages_file = policies
        stage_config["autogen_policy"] = False
        stage_config["iam_policy_file"] = handler_file
        stage_config.setdefault("lambda_functions", {}).setdefault("api_handler", {})[
            "iam_policy_file"] = pages_file
        changes = []
        if json.dumps(stage_config, sort_keys=True) != before:
            _replace(self.config_file, json.dumps(config, indent=2, ensure_ascii=False) + "\n")
            changes.append(f"recorded BLOG_BUCKET={bucket} and BLOG_TABLE={table} "
                           f"for stage {stage} in {CONFIG_PATH}")
        for name, document in policies.items():
            path = self.config_file.parent / name
            text = json.dumps(document, indent=2) + "\n"
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                _replace(path, text)
                changes.append(f"wrote {CONFIG_PATH.parent / name} for {bucket} and {table}")
        return changes


def _replace(path, text):
    """Write ``text`` to ``path`` atomically."""
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
