"""The IAM policies of a stage, written by `blog bootstrap` with the stage's names.

Two roles: the page function only reads the index and the media files; the S3
handler reads the source it is told about, maintains the index and writes
image variants under media/_v/ and nowhere else. tests/test_policy.py holds the
committed files to exactly these and checks them against the calls the code makes.
"""
CONTENT_PREFIXES = ("posts/", "pages/", "media/")
MEDIA_PREFIX = "media/"
VARIANT_PREFIX = "media/_v/"
LOG_ACTIONS = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"]


def _log_statement(function):
    return {"Sid": "WriteOwnLogs", "Effect": "Allow", "Action": list(LOG_ACTIONS),
            "Resource": [f"arn:aws:logs:*:*:log-group:/aws/lambda/{function}:*"]}


def stage_policies(app_name, stage, bucket, table):
    """{file name: policy document} for the stage's two functions."""
    table_arn = f"arn:aws:dynamodb:*:*:table/{table}"
    handler = {"Version": "2012-10-17", "Statement": [
        {"Sid": "ReadContentSources", "Effect": "Allow", "Action": ["s3:GetObject"],
         "Resource": [f"arn:aws:s3:::{bucket}/{prefix}*" for prefix in CONTENT_PREFIXES]},
        {"Sid": "MissingSourceIsNotFoundNotAccessDenied", "Effect": "Allow",
         "Action": ["s3:ListBucket"], "Resource": [f"arn:aws:s3:::{bucket}"]},
        {"Sid": "WriteImageVariantsOnly", "Effect": "Allow",
         "Action": ["s3:DeleteObject", "s3:PutObject"],
         "Resource": [f"arn:aws:s3:::{bucket}/{VARIANT_PREFIX}*"]},
        {"Sid": "ReadAndMaintainPostIndex", "Effect": "Allow",
         "Action": ["dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:DeleteItem",
                    "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query",
                    "dynamodb:UpdateItem"],
         "Resource": [table_arn]},
        _log_statement(f"{app_name}-{stage}-on_content_change"),
    ]}
    pages = {"Version": "2012-10-17", "Statement": [
        {"Sid": "ReadPostIndex", "Effect": "Allow",
         "Action": ["dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:Query"],
         "Resource": [table_arn]},
        {"Sid": "ReadMedia", "Effect": "Allow", "Action": ["s3:GetObject"],
         "Resource": [f"arn:aws:s3:::{bucket}/{MEDIA_PREFIX}*"]},
        {"Sid": "MissingMediaIsNotFoundNotAccessDenied", "Effect": "Allow",
         "Action": ["s3:ListBucket"], "Resource": [f"arn:aws:s3:::{bucket}"]},
        _log_statement(f"{app_name}-{stage}"),
    ]}
    return {f"policy-{stage}.json": handler, f"policy-{stage}-api.json": pages}
