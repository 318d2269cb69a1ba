"""`blog serve`: the whole blog on one machine, in one process.

An embedded moto server stands in for S3 and DynamoDB; Chalice's own local
server runs app.py against it (the `local` stage names the bucket and the
table; the endpoint goes into this process's environment only, never into
config.json); a watcher thread indexes content changes, because S3 events
never fire locally. One process means Ctrl-C or SIGTERM stops all of it.
"""
import errno
import logging
import os
import signal
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from blog_cli.connection import aws_errors
from blog_cli.embedded_aws import LOOPBACK, start_server
from blog_cli.errors import ProblemsFound
from blog_cli.project import LOCAL_STAGE
from blog_cli.sitefile import SiteFileError, push_site_file, read_site_file
from blog_cli.watching import SITE_FILE, ContentWatcher, folder_files

LOCAL_REGION = "us-east-1"
LOCAL_KEY = "local"
# Anything that could send boto3 elsewhere than the embedded endpoint.
ENDPOINT_OVERRIDES = ("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_PROFILE",
                      "AWS_SESSION_TOKEN", "AWS_DEFAULT_PROFILE")


def ensure_port_free(host, port, what):
    """Fail with a one-line message if ``host:port`` cannot be listened on."""
    if not port:
        return
    probe = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    # Same option as the servers use, so a port in TIME_WAIT counts as free.
    probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        probe.bind((host, port))
        probe.listen(1)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise click.ClickException(
                f"{what} port {port} on {host} is already in use "
                f"(stop what uses it, or choose another port)") from None
        raise click.ClickException(f"cannot listen on {host}:{port}: {error.strerror}") \
            from None
    finally:
        probe.close()


@dataclass
class LocalSettings:
    """What `blog serve` was asked to do."""

    project_dir: Path
    content: Path
    host: str
    port: int
    aws_port: int | None


def validate_content(content):
    """The content folder's SiteConfig (None without site.yaml); fail on bad input."""
    if not content.is_dir():
        raise click.ClickException(f"content folder {content} does not exist "
                                   "(pass --content DIR: a folder with posts/, pages/, "
                                   "site.yaml)")
    site = content / SITE_FILE
    if not site.is_file():
        return None
    try:
        return read_site_file(site)
    except SiteFileError as error:
        raise ProblemsFound(error.problems, f"{site} is broken: fix it and run "
                                            "`blog serve` again") from None


def point_at_embedded_aws(endpoint, stage_environment):
    """Send every boto3 client in this process to the embedded endpoint."""
    from chalicelib.wiring import reset

    for name in ENDPOINT_OVERRIDES:
        os.environ.pop(name, None)
    os.environ.update({
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_ACCESS_KEY_ID": LOCAL_KEY,
        "AWS_SECRET_ACCESS_KEY": LOCAL_KEY,
        "AWS_DEFAULT_REGION": LOCAL_REGION,
        "AWS_REGION": LOCAL_REGION,
        "BLOG_BUCKET": stage_environment["BLOG_BUCKET"],
        "BLOG_TABLE": stage_environment["BLOG_TABLE"],
    })
    reset()


def load_content(content, services):
    """Create the bucket and table, load site.yaml, posts/ and pages/; the SyncResults."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from blog_cli.loading import load_files
    from chalicelib.dynamodb import create_table
    from chalicelib.media import MEDIA_PREFIX

    services.store.client.create_bucket(Bucket=services.store.bucket)
    fresh = create_table(services.index.table.client, services.index.table.name)
    services.index.ensure_site_item()
    if (content / SITE_FILE).is_file():
        push_site_file(content / SITE_FILE, services.index)
    keys = sorted(key for key in folder_files(content) if key != SITE_FILE)
    media = [key for key in keys if key.startswith(MEDIA_PREFIX)]
    keys = [key for key in keys if not key.startswith(MEDIA_PREFIX)]
    # Media first, so the posts are indexed with their images' sizes at once.
    media_results = []
    for key in media:
        services.media.put_original(key, (content / key).read_bytes())
        media_results.append(services.sync(key))
    settings = services.site_config().settings
    with Progress("[progress.description]{task.description}", BarColumn(),
                  MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(f"Indexing {content}", total=len(keys))
        return media_results + load_files(content, keys, services, settings,
                                          advance=lambda: progress.advance(task), fresh=fresh)


def create_chalice_server(project_dir, host, port):
    """Chalice's local dev server for app.py on the `local` stage (greedy /{proxy+})."""
    from chalice.cli.factory import CLIFactory

    from blog_cli.routing import install_greedy_proxy

    install_greedy_proxy()
    factory = CLIFactory(str(project_dir))
    config = factory.create_config_obj(chalice_stage_name=LOCAL_STAGE)
    app = factory.load_chalice_app(config.environment_variables)
    return factory.create_local_server(app, config, host, port)


def _stop_on_sigterm():
    def stop(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, stop)
    # A shell starting us in the background leaves SIGINT ignored; Ctrl-C must still stop.
    signal.signal(signal.SIGINT, signal.default_int_handler)


def run_local_blog(settings, stage_environment, echo=click.echo):
    """Run local mode until Ctrl-C or SIGTERM; everything started is stopped."""
    from chalicelib.wiring import expire_pages, services as make_services

    site = validate_content(settings.content)
    ensure_port_free(settings.host, settings.port, "HTTP")
    ensure_port_free(LOOPBACK, settings.aws_port, "AWS")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    _stop_on_sigterm()

    moto, endpoint = start_server(settings.aws_port)
    watcher = http = None
    try:
        echo(f"AWS endpoint: {endpoint}")
        # moto takes any key pair; printed so `aws s3 cp --endpoint-url` works
        # for someone who has no AWS credentials at all.
        echo(f"  it accepts: AWS_ACCESS_KEY_ID={LOCAL_KEY} AWS_SECRET_ACCESS_KEY={LOCAL_KEY} "
             f"AWS_DEFAULT_REGION={LOCAL_REGION}")
        echo(f"  bucket: s3://{stage_environment['BLOG_BUCKET']}/ (posts/, pages/, media/)")
        point_at_embedded_aws(endpoint, stage_environment)
        with aws_errors():
            services = make_services(private_clients=True)
            results = load_content(settings.content, services)
        _describe_load(settings.content, site, results, echo)
        try:
            http = create_chalice_server(settings.project_dir, settings.host, settings.port)
        except OSError as error:
            raise click.ClickException(
                f"cannot listen on {settings.host}:{settings.port}: {error.strerror}") from None
        watcher = ContentWatcher(settings.content, services, report=echo,
                                 on_change=expire_pages)
        watcher.snapshot()
        watcher.start()
        echo(f"Watching {settings.content} and the embedded bucket; Ctrl-C stops.")
        http.serve_forever()
    except KeyboardInterrupt:
        echo("Stopping.")
    finally:
        if watcher is not None:
            watcher.stop()
        if http is not None:
            http.server.server_close()
        moto.stop()


def _describe_load(content, site, results, echo):
    counts = {}
    for result in results:
        counts[result.action] = counts.get(result.action, 0) + 1
        if result.action == "error":
            echo(f"{result.key}: {result.detail}")
    title = site.settings.title if site else "default settings (no site.yaml)"
    summary = ", ".join(f"{count} {action}" for action, count in sorted(counts.items()))
    echo(f"Loaded {content}: {title}; {len(results)} files ({summary or 'none'})")


def line_buffered_stdout():
    """Flush each line, so whoever reads our output sees it at once."""
    try:
        sys.stdout.reconfigure(line_buffering=True)
    except (AttributeError, ValueError):
        pass
