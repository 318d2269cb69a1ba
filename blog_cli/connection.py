"""Which bucket and table a command works on, and AWS failures as one-line errors."""
import os
from contextlib import contextmanager
from dataclasses import dataclass

import click

from blog_cli.project import Project


@dataclass(frozen=True)
class Target:
    """The blog's storage: an S3 bucket and a DynamoDB table."""

    bucket: str
    table: str
    source: str

    def describe(self):
        """'bucket X, table Y (from ...)' for messages."""
        return f"bucket {self.bucket!r}, table {self.table!r} ({self.source})"


def resolve_target(stage=None, project=None):
    """The bucket and table named by ``--stage`` or BLOG_BUCKET/BLOG_TABLE."""
    if stage:
        variables = (project or Project.find()).stage_environment(stage)
        bucket, table = variables.get("BLOG_BUCKET"), variables.get("BLOG_TABLE")
        if not bucket or not table:
            raise click.ClickException(
                f"stage {stage!r} has no BLOG_BUCKET/BLOG_TABLE yet: "
                f"run `blog bootstrap --stage {stage}` first")
        return Target(bucket, table, f"stage {stage}")
    bucket, table = os.environ.get("BLOG_BUCKET"), os.environ.get("BLOG_TABLE")
    if not bucket or not table:
        raise click.ClickException(
            "which blog? pass --stage NAME (from .chalice/config.json) "
            "or set BLOG_BUCKET and BLOG_TABLE")
    return Target(bucket, table, "BLOG_BUCKET/BLOG_TABLE")


def aws_message(error):
    """A short, readable description of an AWS or engine storage error."""
    from botocore.exceptions import ClientError

    cause = error
    while getattr(cause, "__cause__", None) is not None:
        cause = cause.__cause__
    if isinstance(cause, ClientError):
        details = cause.response.get("Error", {})
        code = details.get("Code", "Error")
        text = details.get("Message") or ""
        operation = getattr(cause, "operation_name", "")
        return f"AWS {operation} failed: {code}" + (f": {text}" if text else "")
    return str(cause) or type(cause).__name__


@contextmanager
def aws_errors():
    """Turn AWS and storage failures into a clean `Error: ...` and exit 1."""
    from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError, \
        NoRegionError

    from chalicelib.errors import StorageUnavailable

    try:
        yield
    except NoRegionError:
        raise click.ClickException(
            "no AWS region configured: set AWS_DEFAULT_REGION or a profile's region") from None
    except NoCredentialsError:
        raise click.ClickException(
            "no AWS credentials found: configure a profile or AWS_ACCESS_KEY_ID") from None
    except (StorageUnavailable, ClientError, BotoCoreError) as error:
        raise click.ClickException(aws_message(error)) from None


def open_services(target):
    """Services (store + index) for ``target``, after checking both exist."""
    from chalicelib import aws
    from chalicelib.wiring import services_for

    require_storage(aws.client("s3"), aws.client("dynamodb"), target)
    return services_for(target.bucket, target.table)


def require_storage(s3, dynamodb, target):
    """Raise a clear error if the bucket or the table does not exist."""
    from botocore.exceptions import ClientError

    hint = "run `blog bootstrap` (or check --stage / BLOG_BUCKET / BLOG_TABLE)"
    try:
        dynamodb.describe_table(TableName=target.table)
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") == "ResourceNotFoundException":
            raise click.ClickException(
                f"DynamoDB table {target.table!r} does not exist: {hint}") from None
        raise
    try:
        s3.head_bucket(Bucket=target.bucket)
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") in ("404", "NoSuchBucket", "NotFound"):
            raise click.ClickException(
                f"S3 bucket {target.bucket!r} does not exist: {hint}") from None
        raise
