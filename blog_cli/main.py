"""The `blog` command: local mode and the author's and operator's tools.

Each command is a thin layer over the engine (``chalicelib``) and the modules
beside this one; every failure ends in one clear message and a non-zero exit.
"""
import os
import sys
from dataclasses import asdict
from pathlib import Path

import click

from blog_cli.connection import aws_errors, open_services, resolve_target
from blog_cli.errors import ProblemsFound
from blog_cli.project import LOCAL_STAGE, Project

stage_option = click.option(
    "--stage", metavar="NAME",
    help="Use the bucket and table of this stage in .chalice/config.json "
         "(default: BLOG_BUCKET and BLOG_TABLE from the environment).")


def _plural(count, word):
    return f"{count} {word}{'' if count == 1 else 's'}"


@click.group()
def cli():
    """Author and operate the serverless blog."""


@cli.command("serve")
@click.option("--content", type=click.Path(path_type=Path), metavar="DIR",
              help="Folder with site.yaml, posts/ and pages/  [default: demo/]")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to serve on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="Port of the blog.")
@click.option("--aws-port", type=click.IntRange(1, 65535), metavar="N",
              help="Port of the embedded AWS endpoint  [default: a free port]")
def serve_locally(content, host, port, aws_port):
    """Serve the blog locally on embedded AWS.

    Changes to DIR, and objects any client writes to the embedded S3, show
    within seconds. Ctrl-C stops everything.
    """
    from blog_cli.local_mode import LocalSettings, line_buffered_stdout, run_local_blog

    project = Project.find()
    line_buffered_stdout()
    settings = LocalSettings(project_dir=project.directory,
                             content=content or project.directory / "demo",
                             host=host, port=port, aws_port=aws_port)
    run_local_blog(settings, project.stage_environment(LOCAL_STAGE))
    # Everything is stopped. Tearing down the embedded AWS's objects one by one
    # would take seconds for a big blog (13 s at 1,000 posts): leave at once.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


@cli.command()
@click.option("--stage", default="dev", show_default=True, metavar="NAME",
              help="The stage whose names to record in .chalice/config.json.")
@click.option("--bucket", help="Bucket name  [default: BLOG_BUCKET, the stage's, or "
                               "<app>-<stage>-content]")
@click.option("--table", help="Table name  [default: BLOG_TABLE, the stage's, or <app>-<stage>]")
def bootstrap(stage, bucket, table):
    """Create the stage's bucket and table.

    Idempotent: what exists is kept, hardened if needed, and the names are
    recorded for the stage in .chalice/config.json.
    """
    from chalicelib import aws

    from blog_cli.provisioning import ensure_bucket, ensure_table

    project = Project.find()
    existing = project.stage_environment(stage) if stage in project.stage_names() else {}
    bucket = (bucket or os.environ.get("BLOG_BUCKET") or existing.get("BLOG_BUCKET")
              or f"{project.app_name}-{stage}-content")
    table = (table or os.environ.get("BLOG_TABLE") or existing.get("BLOG_TABLE")
             or f"{project.app_name}-{stage}")
    with aws_errors():
        s3, dynamodb = aws.client("s3"), aws.client("dynamodb")
        changes = ensure_bucket(s3, bucket, s3.meta.region_name)
        changes += ensure_table(dynamodb, table)
    changes += project.record_names(stage, bucket, table)
    for change in changes:
        click.echo(f"  {change}")
    if changes:
        click.echo(f"Stage {stage} is ready: bucket {bucket}, table {table}.")
    else:
        click.echo(f"Nothing to change: bucket {bucket} and table {table} "
                   f"are ready for stage {stage}.")


@cli.group()
def config():
    """Site settings and widgets (site.yaml)."""


@config.command("push")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@stage_option
def config_push(file, stage):
    """Validate and store a site.yaml.

    A file with any problem writes nothing.
    """
    from chalicelib.site import SiteConfig

    from blog_cli.sitefile import SiteFileError, changes_indexed_posts, read_site_file, \
        storage_form

    try:
        site = read_site_file(file)
    except SiteFileError as error:
        raise ProblemsFound(error.problems, f"{file} was not pushed: nothing was written") \
            from None
    target = resolve_target(stage)
    with aws_errors():
        index = open_services(target).index
        stored = index.site_state()["config"]
        index.save_site_config(storage_form(site))
    widgets = sum(len(area) for area in site.widgets.values())
    click.echo(f"Pushed {file} ({site.settings.title!r}, {_plural(widgets, 'widget')}) "
               f"to {target.describe()}.")
    if stored and changes_indexed_posts(SiteConfig.from_json(stored).settings, site.settings):
        click.echo("The timezone or default author changed: run `blog reindex` so posts "
                   "already published pick it up.")


@config.command("show")
@stage_option
def config_show(stage):
    """Print the stored settings and widgets as YAML."""
    import yaml

    from chalicelib.site import SiteConfig
    from chalicelib.widget_config import RENDERED_TEXT_KEY

    target = resolve_target(stage)
    with aws_errors():
        stored = open_services(target).index.site_state()["config"]
    site = SiteConfig.from_json(stored) if stored else SiteConfig()
    widgets = {area: [{name: value for name, value in widget.items()
                       if name != RENDERED_TEXT_KEY} for widget in items]
               for area, items in site.widgets.items()}
    if not stored:
        click.echo("# Nothing pushed yet (blog config push site.yaml); these are the defaults.")
    shown = {"site": asdict(site.settings)}
    if site.menu is not None:
        shown["menu"] = site.menu
    shown["widgets"] = widgets
    click.echo(yaml.safe_dump(shown, sort_keys=False, allow_unicode=True, width=100), nl=False)


@cli.command()
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--page", is_flag=True, help="Publish as static pages (pages/) instead of posts.")
@stage_option
def publish(files, page, stage):
    """Check FILEs, then upload and index them.

    If any file has a problem, nothing is uploaded.
    """
    from blog_cli.checking import Source, check_source, local_media

    target = resolve_target(stage)
    with aws_errors():
        services = open_services(target)
        settings = services.site_config().settings
    prefix = "pages/" if page else "posts/"
    sources = [Source(path=path, key=prefix + path.name) for path in files]
    problems, first_seen = [], {}
    for source in sources:
        problems.extend(check_source(source, settings, first_seen))
    if problems:
        raise ProblemsFound(problems, "Nothing was published: fix the problems above "
                                      "(blog check shows them too).")
    failed = False
    with aws_errors():
        for source in sources:
            # The pictures first, so the post is indexed with their sizes at once.
            for key, local in local_media(source, settings):
                services.media.put_original(key, local.read_bytes())
                result = services.sync(key)
                click.echo(f"/{key} ({result.action}: {result.detail})")
            services.store.put(source.key, source.path.read_bytes())
            result = services.sync(source.key)
            slug = source.path.name[:-3]
            if result.action == "error":
                failed = True
                click.echo(f"{source.path}: not published: {result.detail}", err=True)
            else:
                click.echo(f"/{prefix}{slug} ({result.action}: {result.detail})")
    if failed:
        raise click.exceptions.Exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path), metavar="FILE|DIR...")
def check(paths):
    """Report every problem in local files.

    Prints file:line: problem for each; exit 1 if any.
    """
    from blog_cli.checking import check_paths

    report = check_paths(paths)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for problem in report.problems:
        click.echo(problem)
    if not report.ok:
        click.echo(f"{_plural(len(report.problems), 'problem')} in "
                   f"{_plural(report.checked, 'file')} checked", err=True)
        raise click.exceptions.Exit(1)
    click.echo(f"{_plural(report.checked, 'file')} OK")


@cli.command()
@stage_option
def reindex(stage):
    """Rebuild the index from what is in S3.

    Heals missed or lost events: every source is indexed again and index
    entries whose source is gone are removed.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from blog_cli.reindexing import plan
    from blog_cli.reindexing import reindex as reindex_keys

    target = resolve_target(stage)
    with aws_errors():
        services = open_services(target)
        present, stale = plan(services)
        columns = (TextColumn("[progress.description]{task.description}"), BarColumn(),
                   MofNCompleteColumn(), TextColumn("{task.fields[key]}"))
        with Progress(*columns, console=Console(stderr=True)) as progress:
            task = progress.add_task("Reindexing", total=len(present) + len(stale), key="")
            summary = reindex_keys(services, present + stale,
                                   advance=lambda key: progress.update(task, advance=1,
                                                                       key=key))
    for key, detail in summary.errors:
        click.echo(f"{key}: {detail}", err=True)
    click.echo(f"Reindexed {_plural(len(present), 'source')} in {target.bucket} "
               f"and {len(stale)} no longer there: {summary.line()}")
    if summary.errors:
        raise click.exceptions.Exit(1)


@cli.group("import")
def import_group():
    """Bring a blog over from another engine."""


@import_group.command("wordpress")
@click.argument("export", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                metavar="EXPORT.xml")
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              metavar="DIR", help="Content folder to write (posts/, pages/, media/, ...).")
@click.option("--uploads", type=click.Path(exists=True, file_okay=False, path_type=Path),
              metavar="UPLOADS_DIR", help="The old site's wp-content/uploads folder: "
                                          "attachments are copied to DIR/media/.")
@click.option("--force", is_flag=True, help="Overwrite files changed since the last import.")
def import_wordpress(export, out, uploads, force):
    """Turn a WordPress export (Tools > Export) into a content folder.

    Then `blog serve --content DIR`, or `blog publish`. Running it again over
    the same DIR changes nothing; files edited by hand are kept.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from blog_cli.wordpress import WxrError
    from blog_cli.wordpress import import_wordpress as run_import

    columns = (TextColumn("[progress.description]{task.description}"), BarColumn(),
               MofNCompleteColumn())
    try:
        with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
            report = run_import(export, out, uploads=uploads, force=force, progress=progress)
    except WxrError as error:
        where = f"{export}:{error.line}" if error.line else f"{export}"
        raise click.ClickException(f"{where}: {error}; nothing was written") from None
    except OSError as error:
        raise click.ClickException(f"cannot write the import to {out}: "
                                   f"{error.strerror or error}") from None
    for line in report.lines():
        click.echo(line)
