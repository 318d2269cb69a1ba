"""The Lambdas' IAM policies grant exactly the AWS calls their code makes, nothing wider.

``autogen_policy`` cannot see the clients created in ``chalicelib``, so each stage
has hand-written policy files, one per function. ``ALLOWED`` below is the
reviewed list of the actions each function may call, with the reason for each.
The tests hold the committed files to exactly that list (on the stage's own
bucket, table and log groups, no wildcards), and check it against what the
code really does under moto: every kind of S3 event and every route are run,
each botocore call is recorded as the IAM action that authorises it, and the
recorded sets must equal the list. A new call fails the suite until it is
reviewed here; so does a grant that no code path uses any more.
"""
import json
import re
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
CHALICE_DIR = PROJECT / ".chalice"
CONFIG = json.loads((CHALICE_DIR / "config.json").read_text())
STAGES = sorted(CONFIG["stages"])
APP_NAME = CONFIG["app_name"]

# Reviewed: what each function may call, and why.
ALLOWED = {
    "api": {
        "dynamodb:GetItem": "an alias (an old address)",
        "dynamodb:Query": "the SITE partition (settings, version, sidebar snapshot), "
                          "listings, a document's head and body, neighbours, search postings",
        "dynamodb:BatchGetItem": "search results' entries; full-text feed bodies",
        "s3:GetObject": "media files and their variants (the /media route), nothing else",
        "s3:ListBucket": "so a missing media file reads as NoSuchKey (404), not AccessDenied",
    },
    "handler": {
        "s3:GetObject": "reads the source object (post, page or media) the event names",
        "s3:ListBucket": "an original's variants; a deleted source reads as NoSuchKey",
        "s3:PutObject": "resized image variants, under media/_v/ only",
        "s3:DeleteObject": "the variants of a replaced or deleted original, under media/_v/",
        "dynamodb:GetItem": "the stored head (consistent read); a media object's record and users",
        "dynamodb:BatchGetItem": "the stored head and the key's error record, in one call "
                                 "(consistent read)",
        "dynamodb:Query": "the SITE partition (settings, version); counts and the newest "
                          "posts for the sidebar snapshot",
        "dynamodb:PutItem": "a document's head (in its transaction); the sidebar snapshot; "
                            "error records",
        "dynamodb:UpdateItem": "the site item and the counts (atomic ADD)",
        "dynamodb:DeleteItem": "a removed document's head; cleared error records",
        "dynamodb:BatchWriteItem": "body chunks, listing entries and search postings",
    },
}
# S3 answers NoSuchKey only to callers allowed s3:ListBucket; the page function
# never lists, so no recorded call shows this grant.
NOT_CALLED_BUT_NEEDED = {"api": {"s3:ListBucket"}, "handler": set()}
# Where each role's object actions may reach.
OBJECT_PREFIXES = {
    ("handler", "s3:GetObject"): ("posts/", "pages/", "media/"),
    ("handler", "s3:PutObject"): ("media/_v/",),
    ("handler", "s3:DeleteObject"): ("media/_v/",),
    ("api", "s3:GetObject"): ("media/",),
}
# Calls whose IAM action has another name.
S3_CALL_ACTIONS = {"HeadObject": "s3:GetObject", "ListObjectsV2": "s3:ListBucket",
                   "DeleteObjects": "s3:DeleteObject"}
TRANSACT_ITEM_ACTIONS = {"Put": "dynamodb:PutItem", "Update": "dynamodb:UpdateItem",
                         "Delete": "dynamodb:DeleteItem",
                         "ConditionCheck": "dynamodb:ConditionCheckItem"}
LOG_ACTIONS = {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"}
READ_ACTIONS = {"s3:GetObject", "s3:ListBucket", "dynamodb:GetItem", "dynamodb:Query",
                "dynamodb:BatchGetItem"}
ROLES = ("api", "handler")
POLICIES = [(stage, role) for stage in STAGES for role in ROLES]


def policy_file(stage, role):
    """The policy file Chalice attaches to ``role``'s function in ``stage``."""
    config = CONFIG["stages"][stage]
    if role == "api":
        return config["lambda_functions"]["api_handler"]["iam_policy_file"]
    return config["iam_policy_file"]


def stage_settings(stage, role):
    """Bucket, table and the Lambda function names that use ``role``'s policy."""
    config = CONFIG["stages"][stage]
    env = dict(CONFIG.get("environment_variables", {}))
    env.update(config.get("environment_variables", {}))
    from app import app

    if role == "api":
        functions = [f"{APP_NAME}-{stage}"]
    else:
        functions = [f"{APP_NAME}-{stage}-{source.name}" for source in app.event_sources]
    return env["BLOG_BUCKET"], env["BLOG_TABLE"], functions


def load_policy(stage, role):
    return json.loads((CHALICE_DIR / policy_file(stage, role)).read_text())


def grants(policy):
    """Every (action, resource) pair the policy allows."""
    pairs = set()
    for statement in policy["Statement"]:
        actions = statement["Action"]
        resources = statement["Resource"]
        for action in [actions] if isinstance(actions, str) else actions:
            for resource in [resources] if isinstance(resources, str) else resources:
                pairs.add((action, resource))
    return pairs


REGION = r"(\*|[a-z]{2}(-[a-z]+)+-\d)"
ACCOUNT = r"(\*|\d{12})"


def required_grants(stage, role, actions):
    """(action, resource pattern) pairs a role needs; patterns are exact regexes."""
    bucket, table, functions = stage_settings(stage, role)
    needed = set()
    for action in actions:
        if action in ("s3:GetObject", "s3:PutObject", "s3:DeleteObject"):
            needed |= {(action, re.escape(f"arn:aws:s3:::{bucket}/{prefix}") + r"\*")
                       for prefix in OBJECT_PREFIXES[(role, action)]}
        elif action.startswith("s3:"):
            needed.add((action, re.escape(f"arn:aws:s3:::{bucket}")))
        elif action.startswith("dynamodb:"):
            needed.add((action, rf"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/{re.escape(table)}"))
    for action in LOG_ACTIONS:
        needed |= {(action, rf"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:"
                            + re.escape(f"/aws/lambda/{name}") + r":\*")
                   for name in functions}
    return needed


@pytest.mark.parametrize("stage", STAGES)
def test_stage_uses_its_policy_files(stage):
    config = CONFIG["stages"][stage]
    assert config.get("autogen_policy") is False
    assert config.get("iam_policy_file") == f"policy-{stage}.json"
    assert policy_file(stage, "api") == f"policy-{stage}-api.json"
    for role in ROLES:
        assert (CHALICE_DIR / policy_file(stage, role)).is_file()


@pytest.mark.parametrize("stage, role", POLICIES)
def test_policy_grants_every_reviewed_action(stage, role):
    actions = set(ALLOWED[role])
    granted = grants(load_policy(stage, role))
    missing = [(action, pattern)
               for action, pattern in sorted(required_grants(stage, role, actions))
               if not any(given == action and re.fullmatch(pattern, resource)
                          for given, resource in granted)]
    assert not missing, f"{policy_file(stage, role)} lacks {missing}"


@pytest.mark.parametrize("stage, role", POLICIES)
def test_policy_grants_nothing_more(stage, role):
    actions = set(ALLOWED[role])
    needed = required_grants(stage, role, actions)
    extra = [(action, resource) for action, resource in sorted(grants(load_policy(stage, role)))
             if not any(action == wanted and re.fullmatch(pattern, resource)
                        for wanted, pattern in needed)]
    assert not extra, f"{policy_file(stage, role)} grants what no code path needs: {extra}"


def test_the_page_function_may_only_read_and_in_s3_only_media():
    for stage in STAGES:
        bucket, _, _ = stage_settings(stage, "api")
        pairs = grants(load_policy(stage, "api"))
        assert {action for action, _ in pairs} <= READ_ACTIONS | LOG_ACTIONS, sorted(pairs)
        objects = {resource for action, resource in pairs if action == "s3:GetObject"}
        assert objects == {f"arn:aws:s3:::{bucket}/media/*"}


def test_the_handler_writes_only_variants():
    for stage in STAGES:
        bucket, _, _ = stage_settings(stage, "handler")
        written = {resource for action, resource in grants(load_policy(stage, "handler"))
                   if action in ("s3:PutObject", "s3:DeleteObject")}
        assert written == {f"arn:aws:s3:::{bucket}/media/_v/*"}


@pytest.mark.parametrize("stage, role", POLICIES)
def test_policy_has_no_wildcard_action_or_resource(stage, role):
    """Wildcards are allowed only where a name is fixed before them.

    Allowed: object keys under a content prefix (``bucket/posts/*``), the
    streams of one named log group (``log-group:NAME:*``), and the region and
    account fields of a table or log-group ARN (the file is committed and
    shared by every account it is deployed to; the table and group names in
    the ARN are exact). Everything else must be spelled out.
    """
    policy = load_policy(stage, role)
    assert policy["Version"] == "2012-10-17"
    for statement in policy["Statement"]:
        assert statement["Effect"] == "Allow"
        assert set(statement) <= {"Sid", "Effect", "Action", "Resource"}, statement
        for action, resource in grants({"Statement": [statement]}):
            assert "*" not in action and "?" not in action, action
            assert resource != "*", statement
            specific = re.sub(rf"^arn:aws:(dynamodb|logs):{REGION}:{ACCOUNT}:",
                              r"arn:aws:\1:R:A:", resource)
            specific = re.sub(r"(/(posts|pages|media|media/_v)/|:log-group:[^*?]+:)\*$", r"\1",
                              specific)
            assert "*" not in specific and "?" not in specific, resource


def test_public_routes_only_read():
    """A GET never writes: the page function's reviewed actions are all reads."""
    assert set(ALLOWED["api"]) <= READ_ACTIONS


# -- cross-check against what really happens ---------------------------------------

def record_actions(client, seen):
    """Record the IAM action that authorises each call ``client`` makes."""
    service = client.meta.service_model.signing_name

    def before_call(model, params, **_):
        if model.name == "TransactWriteItems":
            seen.update(TRANSACT_ITEM_ACTIONS[kind] for item in params["TransactItems"]
                        for kind in item)
        elif model.name in S3_CALL_ACTIONS:
            seen.add(S3_CALL_ACTIONS[model.name])
        else:
            seen.add(f"{service}:{model.name}")
    client.meta.events.register(f"before-parameter-build.{service}.*", before_call)


def test_the_reviewed_actions_are_exactly_what_the_functions_call(blog, client):
    """Every kind of S3 event, then every route, under moto: the calls match ALLOWED."""
    import boto3

    from chalicelib import aws
    from chalicelib.wiring import reset
    from tests.helpers import BUCKET, picture, publish

    publish(blog, "posts/first.md", "# First\n\nHello.\n\n![A photo](/media/photo.jpg)",
            date="2024-05-01", tags="a, b", categories="c")
    publish(blog, "posts/gone.md", "# Gone\n\nSoon.", date="2024-05-02")
    publish(blog, "pages/about.md", "# About\n\nMe.")
    publish(blog, "pages/old.md", "# Old\n\nPage.")
    blog.store.put("posts/second.md", b"---\ntitle: Second\ndate: 2024-06-01\ntags: b\n---\nBody.\n")
    blog.store.put("posts/broken.md", b"---\ndate: [\n---\nBody.\n")
    blog.store.put("pages/about.md", b"# About\n\nMe, again.\n")
    s3 = boto3.client("s3")
    s3.delete_object(Bucket=BUCKET, Key="posts/gone.md")
    s3.delete_object(Bucket=BUCKET, Key="pages/old.md")

    handler = set()
    record_actions(aws.client("s3"), handler)
    record_actions(aws.client("dynamodb"), handler)
    for key in ("posts/second.md", "posts/first.md", "posts/broken.md", "pages/about.md"):
        client.lambda_.invoke("on_content_change",
                              client.events.generate_s3_event(bucket=BUCKET, key=key))
    for key in ("posts/gone.md", "pages/old.md"):
        client.lambda_.invoke("on_content_change", client.events.generate_s3_event(
            bucket=BUCKET, key=key, event_name="ObjectRemoved:Delete"))
    s3.put_object(Bucket=BUCKET, Key="posts/broken.md", Body=b"# Fixed\n\nNow it parses.\n")
    client.lambda_.invoke("on_content_change",
                          client.events.generate_s3_event(bucket=BUCKET, key="posts/broken.md"))
    # Media: new, replaced (old variants go), a variant's own event, deleted.
    for body in (picture(1200, 800), picture(1000, 700)):
        s3.put_object(Bucket=BUCKET, Key="media/photo.jpg", Body=body)
        client.lambda_.invoke("on_content_change", client.events.generate_s3_event(
            bucket=BUCKET, key="media/photo.jpg"))
    variant = blog.index.media("media/photo.jpg").variants[0].key
    client.lambda_.invoke("on_content_change",
                          client.events.generate_s3_event(bucket=BUCKET, key=variant))
    s3.put_object(Bucket=BUCKET, Key="media/gone.png", Body=picture(600, 400, "PNG"))
    client.lambda_.invoke("on_content_change",
                          client.events.generate_s3_event(bucket=BUCKET, key="media/gone.png"))
    s3.delete_object(Bucket=BUCKET, Key="media/gone.png")
    client.lambda_.invoke("on_content_change", client.events.generate_s3_event(
        bucket=BUCKET, key="media/gone.png", event_name="ObjectRemoved:Delete"))

    pages = set()
    reset()  # fresh clients: the handler's recorder stops here
    record_actions(aws.client("s3"), pages)
    record_actions(aws.client("dynamodb"), pages)
    for path in ("/", "/posts/second", "/pages/about", "/tags/b", "/categories/c",
                 "/archive/2024", "/archive/2024/06", "/search?q=second", "/feed.xml",
                 "/rss.xml", "/tags/b/feed.xml", "/sitemap.xml", "/robots.txt", "/nope",
                 "/media/photo.jpg", "/media/gone.png"):
        assert client.http.get(path).status_code in (200, 404), path

    assert handler == set(ALLOWED["handler"]) - NOT_CALLED_BUT_NEEDED["handler"]
    assert pages == set(ALLOWED["api"]) - NOT_CALLED_BUT_NEEDED["api"]


@pytest.mark.parametrize("stage", STAGES)
def test_bootstrap_writes_exactly_the_committed_policies(stage):
    """`blog bootstrap` regenerates these files; both must agree with the checks above."""
    from blog_cli.policies import stage_policies

    bucket, table, _ = stage_settings(stage, "handler")
    for name, document in stage_policies(APP_NAME, stage, bucket, table).items():
        assert json.loads((CHALICE_DIR / name).read_text()) == document, name
