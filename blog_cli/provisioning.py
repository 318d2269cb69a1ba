"""`blog bootstrap`: the bucket and the table, created and hardened idempotently.

Each step reads the current state first and changes only what differs, so a
second run makes no write and says so.
"""
from botocore.exceptions import ClientError

from chalicelib.dynamodb import create_table
from chalicelib.index import PostIndex

PUBLIC_ACCESS_BLOCK = {"BlockPublicAcls": True, "IgnorePublicAcls": True,
                       "BlockPublicPolicy": True, "RestrictPublicBuckets": True}
DEFAULT_ENCRYPTION = {"Rules": [{"ApplyServerSideEncryptionByDefault":
                                 {"SSEAlgorithm": "AES256"}, "BucketKeyEnabled": True}]}


def _code(error):
    return error.response.get("Error", {}).get("Code", "")


def ensure_bucket(s3, bucket, region):
    """Create ``bucket`` if missing; block public access, version, encrypt. Returns changes."""
    changes = []
    try:
        s3.head_bucket(Bucket=bucket)
    except ClientError as error:
        if _code(error) not in ("404", "NoSuchBucket", "NotFound"):
            raise
        options = {"Bucket": bucket}
        if region and region != "us-east-1":
            options["CreateBucketConfiguration"] = {"LocationConstraint": region}
        s3.create_bucket(**options)
        s3.get_waiter("bucket_exists").wait(Bucket=bucket)
        changes.append(f"created S3 bucket {bucket}")

    try:
        current = s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"]
    except ClientError as error:
        if _code(error) != "NoSuchPublicAccessBlockConfiguration":
            raise
        current = {}
    if any(not current.get(name) for name in PUBLIC_ACCESS_BLOCK):
        s3.put_public_access_block(Bucket=bucket,
                                   PublicAccessBlockConfiguration=PUBLIC_ACCESS_BLOCK)
        changes.append(f"blocked public access to {bucket}")

    if s3.get_bucket_versioning(Bucket=bucket).get("Status") != "Enabled":
        s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
        changes.append(f"enabled versioning on {bucket}")

    try:
        rules = s3.get_bucket_encryption(Bucket=bucket)[
            "ServerSideEncryptionConfiguration"].get("Rules", [])
    except ClientError as error:
        if _code(error) != "ServerSideEncryptionConfigurationNotFoundError":
            raise
        rules = []
    if not any(rule.get("ApplyServerSideEncryptionByDefault") for rule in rules):
        s3.put_bucket_encryption(Bucket=bucket,
                                 ServerSideEncryptionConfiguration=DEFAULT_ENCRYPTION)
        changes.append(f"enabled default encryption on {bucket}")
    return changes


def ensure_table(dynamodb, table):
    """Create the index table if missing, with point-in-time recovery. Returns changes."""
    changes = []
    if create_table(dynamodb, table):
        changes.append(f"created DynamoDB table {table} (on-demand)")
    else:
        dynamodb.get_waiter("table_exists").wait(TableName=table)
    backups = dynamodb.describe_continuous_backups(TableName=table)
    recovery = backups["ContinuousBackupsDescription"].get(
        "PointInTimeRecoveryDescription", {}).get("PointInTimeRecoveryStatus")
    if recovery != "ENABLED":
        dynamodb.update_continuous_backups(
            TableName=table,
            PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
        changes.append(f"enabled point-in-time recovery on {table}")
    PostIndex.on(dynamodb, table).ensure_site_item()
    return changes
