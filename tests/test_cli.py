"""The `blog` command through click's CliRunner, against moto."""
import json
import shutil
import socket

import boto3
import pytest
import yaml
from click.testing import CliRunner
from moto import mock_aws

from blog_cli.main import cli
from blog_cli.routing import GreedyProxyRouteMatcher
from chalicelib.dynamodb import create_table
from tests.helpers import BUCKET, DATA, PROJECT, TABLE, publish

CLI_DATA = DATA / "cli"
GOOD = CLI_DATA / "good"
BROKEN = CLI_DATA / "broken"


def run(*args):
    """Invoke `blog ARGS...`; a failure must be a clean exit, never a traceback."""
    result = CliRunner().invoke(cli, [str(arg) for arg in args])
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), result.output
    return result


def stored_config(found):
    return found.index.site_state()["config"]


# -- blog check ---------------------------------------------------------------

def test_check_reports_every_problem_of_every_kind_as_file_line_problem():
    result = run("check", BROKEN)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    expected = [
        (BROKEN / "site.yaml", 6, "unknown widget type 'weather'"),
        (BROKEN / "posts/bad-date.md", 3, "'date' is not a date ('2026-13-45')"),
        (BROKEN / "posts/latin1.md", 4, "not UTF-8 text"),
        (BROKEN / "posts/notes.txt", 1, "not a Markdown file"),
        (BROKEN / "posts/twice.md", 1, "duplicate slug 'twice'"),
        (BROKEN / "posts/unparsable.md", 4, "front matter does not parse"),
        (BROKEN / "posts/wrong-keys.md", 2,
         "unknown key 'Title' is ignored (did you mean 'title'?)"),
        (BROKEN / "posts/wrong-keys.md", 3, "unknown key 'tag' is ignored (did you mean 'tags'?)"),
    ]
    for path, line, problem in expected:
        prefix = f"{path}:{line}: "
        assert any(found.startswith(prefix) and problem in found for found in lines), \
            f"missing {prefix}{problem} in:\n{result.stdout}"
    assert len(lines) == len(expected)
    assert "8 problems in 9 files checked" in result.stderr


def test_check_of_clean_content_says_how_many_files_are_ok():
    result = run("check", GOOD)
    assert result.exit_code == 0
    assert result.stdout.strip() == "4 files OK"


def test_check_finds_the_same_slug_in_two_folders_given(tmp_path):
    other = tmp_path / "elsewhere" / "posts"
    other.mkdir(parents=True)
    shutil.copy(GOOD / "posts" / "hello-world.md", other / "hello-world.md")
    result = run("check", GOOD, tmp_path / "elsewhere")
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{other / 'hello-world.md'}:1: duplicate slug 'hello-world'")


def test_check_reports_a_front_matter_that_is_never_closed(tmp_path):
    post = tmp_path / "open.md"
    post.write_text("---\ntitle: Never closed\n\nBody.\n")
    result = run("check", post)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{post}:1: front matter opened with '---' is never closed")


def test_check_of_a_missing_path_is_a_usage_error():
    result = run("check", CLI_DATA / "no-such-folder")
    assert result.exit_code == 2 and "does not exist" in result.output


# -- blog config push / show ----------------------------------------------------

def test_config_push_stores_the_settings_and_show_prints_them_as_yaml(aws):
    pushed = run("config", "push", GOOD / "site.yaml")
    assert pushed.exit_code == 0, pushed.output
    assert "'Checked Blog', 2 widgets" in pushed.stdout

    shown = run("config", "show")
    assert shown.exit_code == 0, shown.output
    settings = yaml.safe_load(shown.stdout)
    assert settings["site"]["title"] == "Checked Blog"
    assert settings["site"]["timezone"] == "Europe/Stockholm"
    assert settings["widgets"]["sidebar"] == [
        {"type": "recent_posts", "count": 3},
        {"type": "text", "title": "About", "body": "A **small** blog."}]


def test_config_push_that_changes_timezone_or_author_says_to_reindex(blog):
    result = run("config", "push", GOOD / "site.yaml")
    assert result.exit_code == 0, result.output
    assert "run `blog reindex`" in result.stdout
    again = run("config", "push", GOOD / "site.yaml")
    assert "reindex" not in again.stdout


def test_config_show_before_any_push_prints_the_defaults(aws):
    shown = run("config", "show")
    assert shown.exit_code == 0
    assert shown.stdout.startswith("# Nothing pushed yet")
    assert yaml.safe_load(shown.stdout)["site"]["posts_per_page"] == 10


def test_config_push_of_a_bad_widget_writes_nothing(blog):
    before = stored_config(blog)
    result = run("config", "push", CLI_DATA / "bad-widget.yaml")
    assert result.exit_code == 1
    assert (f"{CLI_DATA / 'bad-widget.yaml'}:8: widgets.footer[1]: unknown widget type "
            f"'carousel'") in result.stderr
    assert "nothing was written" in result.stderr
    assert stored_config(blog) == before


def test_config_push_of_yaml_that_does_not_parse_names_the_line(blog, tmp_path):
    before = stored_config(blog)
    site = tmp_path / "site.yaml"
    site.write_text("site:\n  title: Broken\n  tagline: [unclosed\nwidgets: {}\n")
    result = run("config", "push", site)
    assert result.exit_code == 1
    assert f"{site}:4: YAML does not parse" in result.stderr
    assert stored_config(blog) == before


# -- blog publish ------------------------------------------------------------------

def test_publish_uploads_indexes_at_once_and_prints_each_url(blog, client):
    result = run("publish", GOOD / "posts" / "hello-world.md",
                 GOOD / "posts" / "second-thoughts.md")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("/posts/hello-world (indexed")
    assert result.stdout.splitlines()[1].startswith("/posts/second-thoughts (indexed")
    assert sorted(blog.store.keys()) == ["posts/hello-world.md", "posts/second-thoughts.md"]
    response = client.http.get("/posts/second-thoughts")
    assert response.status_code == 200 and b"Second Thoughts" in response.body


def test_publish_with_page_flag_publishes_a_static_page(blog, client):
    result = run("publish", "--page", GOOD / "pages" / "about.md")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("/pages/about (indexed")
    assert blog.store.keys() == ["pages/about.md"]
    assert client.http.get("/pages/about").status_code == 200


def test_publish_with_one_invalid_file_uploads_nothing(blog):
    result = run("publish", GOOD / "posts" / "hello-world.md", BROKEN / "posts" / "bad-date.md",
                 BROKEN / "posts" / "unparsable.md")
    assert result.exit_code == 1
    assert f"{BROKEN / 'posts/bad-date.md'}:3: 'date' is not a date" in result.stderr
    assert f"{BROKEN / 'posts/unparsable.md'}:4: front matter does not parse" in result.stderr
    assert "Nothing was published" in result.stderr
    assert blog.store.keys() == []
    assert blog.index.head("post", "hello-world") is None


def test_publish_refuses_a_file_that_is_not_markdown_or_missing(blog, tmp_path):
    result = run("publish", BROKEN / "posts" / "notes.txt", tmp_path / "missing.md")
    assert result.exit_code == 1
    assert f"{BROKEN / 'posts/notes.txt'}:1: not a Markdown file" in result.stderr
    assert f"{tmp_path / 'missing.md'}:1: cannot read" in result.stderr
    assert blog.store.keys() == []


# -- blog reindex --------------------------------------------------------------------

def test_reindex_heals_a_missed_event_and_drops_a_deleted_source(blog, client):
    text = (GOOD / "posts" / "hello-world.md").read_text()
    assert publish(blog, "posts/kept.md", text).action == "indexed"
    assert publish(blog, "posts/deleted.md", text).action == "indexed"
    assert publish(blog, "pages/gone.md", "# Gone\n\nA page.").action == "indexed"
    blog.store.put("posts/missed.md", text.encode())          # no event ever came
    blog.store.delete("posts/deleted.md")                     # nor for these deletes
    blog.store.delete("pages/gone.md")
    assert client.http.get("/posts/missed").status_code == 404

    result = run("reindex")
    assert result.exit_code == 0, result.output
    assert "Reindexed 2 sources" in result.stdout
    assert "2 indexed" in result.stdout and "2 removed" in result.stdout
    assert "0 errors" in result.stdout
    assert "Reindexing" in result.stderr                      # the progress bar
    assert client.http.get("/posts/missed").status_code == 200
    assert client.http.get("/posts/kept").status_code == 200
    assert client.http.get("/posts/deleted").status_code == 404
    assert client.http.get("/pages/gone").status_code == 404
    assert blog.index.head("post", "deleted") is None


def test_reindex_lists_sources_it_cannot_publish_and_exits_1(blog):
    blog.store.put("posts/broken.md", (BROKEN / "posts" / "bad-date.md").read_bytes())
    result = run("reindex")
    assert result.exit_code == 1
    assert "posts/broken.md" in result.stderr and "not a date" in result.stderr
    assert "1 errors" in result.stdout


# -- where the commands find the blog, and how they fail ------------------------------

def test_stage_option_reads_the_names_from_config_json(blog, monkeypatch):
    monkeypatch.delenv("BLOG_BUCKET")
    monkeypatch.delenv("BLOG_TABLE")
    assert run("config", "show").exit_code == 1
    result = run("config", "show", "--stage", "local")
    assert result.exit_code == 0, result.output
    assert "Test Blog" in result.stdout


def test_without_a_stage_or_names_the_command_says_what_to_do(aws_env, monkeypatch):
    monkeypatch.delenv("BLOG_BUCKET")
    result = run("reindex")
    assert result.exit_code == 1
    assert "pass --stage NAME" in result.stderr and "Traceback" not in result.output


def test_an_unknown_stage_is_a_clear_error(aws_env):
    result = run("config", "show", "--stage", "nowhere")
    assert result.exit_code == 1
    assert "stage 'nowhere' is not in .chalice/config.json" in result.stderr


@pytest.mark.parametrize("command", [["config", "show"], ["reindex"],
                                     ["publish", GOOD / "posts" / "hello-world.md"],
                                     ["config", "push", GOOD / "site.yaml"]])
def test_a_missing_table_or_bucket_is_a_clear_error(aws_env, command):
    with mock_aws():
        result = run(*command)
        assert result.exit_code == 1
        assert f"DynamoDB table '{TABLE}' does not exist" in result.stderr
        create_table(boto3.client("dynamodb"), TABLE)
        result = run(*command)
        assert result.exit_code == 1
        assert f"S3 bucket '{BUCKET}' does not exist" in result.stderr


def test_an_unreachable_endpoint_is_one_line_not_a_traceback(aws_env, monkeypatch):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    result = run("config", "show")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


# -- blog bootstrap -------------------------------------------------------------------

@pytest.fixture
def project_copy(tmp_path, monkeypatch):
    """A copy of the project's .chalice/ in a temporary folder, as the cwd."""
    shutil.copytree(PROJECT / ".chalice", tmp_path / ".chalice",
                    ignore=shutil.ignore_patterns("deployments", "venv"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / ".chalice" / "config.json"


def test_bootstrap_creates_hardened_storage_records_it_and_is_idempotent(
        aws_env, project_copy, monkeypatch):
    monkeypatch.delenv("BLOG_BUCKET")
    monkeypatch.delenv("BLOG_TABLE")
    original = json.loads(project_copy.read_text())
    with mock_aws():
        first = run("bootstrap", "--stage", "staging")
        assert first.exit_code == 0, first.output
        bucket, table = "serverless-blog-staging-content", "serverless-blog-staging"
        assert f"created S3 bucket {bucket}" in first.stdout
        assert f"created DynamoDB table {table}" in first.stdout

        s3 = boto3.client("s3")
        assert s3.get_bucket_versioning(Bucket=bucket)["Status"] == "Enabled"
        block = s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"]
        assert all(block[name] for name in ("BlockPublicAcls", "IgnorePublicAcls",
                                            "BlockPublicPolicy", "RestrictPublicBuckets"))
        rules = s3.get_bucket_encryption(Bucket=bucket)[
            "ServerSideEncryptionConfiguration"]["Rules"]
        assert rules[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"]
        dynamodb = boto3.client("dynamodb")
        described = dynamodb.describe_table(TableName=table)["Table"]
        assert described["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
        recovery = dynamodb.describe_continuous_backups(TableName=table)[
            "ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"]
        assert recovery["PointInTimeRecoveryStatus"] == "ENABLED"
        assert "Item" in dynamodb.get_item(TableName=table,
                                           Key={"pk": {"S": "SITE"}, "sk": {"S": "site"}})

        written = json.loads(project_copy.read_text())
        staging = written["stages"]["staging"]
        assert staging["environment_variables"] == {"BLOG_BUCKET": bucket, "BLOG_TABLE": table}
        assert staging["autogen_policy"] is False
        assert staging["iam_policy_file"] == "policy-staging.json"
        assert staging["lambda_functions"]["api_handler"]["iam_policy_file"] == \
            "policy-staging-api.json"
        handler = (project_copy.parent / "policy-staging.json").read_text()
        pages = json.loads((project_copy.parent / "policy-staging-api.json").read_text())
        assert f"arn:aws:s3:::{bucket}/posts/*" in handler and f"table/{table}" in handler
        assert {action for statement in pages["Statement"] for action in statement["Action"]
                if not action.startswith("logs:")} == {
            "dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchGetItem", "s3:GetObject",
            "s3:ListBucket"}
        assert f"arn:aws:s3:::{bucket}/media/*" in json.dumps(pages)
        del written["stages"]["staging"]
        assert written == original                     # nothing else touched
        assert "AWS_ENDPOINT_URL" not in project_copy.read_text()

        before = project_copy.read_bytes()
        second = run("bootstrap", "--stage", "staging")
        assert second.exit_code == 0, second.output
        assert second.stdout.startswith("Nothing to change")
        assert project_copy.read_bytes() == before


def test_bootstrap_takes_names_from_the_environment_and_keeps_existing_stages(
        aws_env, project_copy, monkeypatch):
    monkeypatch.setenv("BLOG_BUCKET", "env-bucket")
    monkeypatch.setenv("BLOG_TABLE", "env-table")
    with mock_aws():
        result = run("bootstrap", "--stage", "dev")
        assert result.exit_code == 0, result.output
        s3 = boto3.client("s3")
        assert s3.head_bucket(Bucket="env-bucket")
    stage = json.loads(project_copy.read_text())["stages"]["dev"]
    assert stage["environment_variables"] == {"BLOG_BUCKET": "env-bucket",
                                              "BLOG_TABLE": "env-table"}
    assert stage["iam_policy_file"] == "policy-dev.json"
    policy = (project_copy.parent / "policy-dev.json").read_text()
    assert "arn:aws:s3:::env-bucket/posts/*" in policy and "table/env-table" in policy
    assert "serverless-blog-dev-content" not in policy


def test_bootstrap_hardens_an_existing_bucket_it_did_not_create(aws_env, project_copy):
    with mock_aws():
        boto3.client("s3").create_bucket(Bucket=BUCKET)
        result = run("bootstrap", "--stage", "local")
        assert result.exit_code == 0, result.output
        assert "created S3 bucket" not in result.stdout
        assert f"enabled versioning on {BUCKET}" in result.stdout
        assert boto3.client("s3").get_bucket_versioning(Bucket=BUCKET)["Status"] == "Enabled"


# -- blog serve: bad input fails before anything starts --------------------------------

def test_serve_without_the_content_folder_fails_cleanly(tmp_path):
    result = run("serve", "--content", tmp_path / "nowhere", "--port", 1)
    assert result.exit_code == 1
    assert f"content folder {tmp_path / 'nowhere'} does not exist" in result.stderr


def test_serve_with_a_broken_site_yaml_names_file_and_line(tmp_path):
    (tmp_path / "site.yaml").write_text((BROKEN / "site.yaml").read_text())
    result = run("serve", "--content", tmp_path)
    assert result.exit_code == 1
    assert f"{tmp_path / 'site.yaml'}:6: widgets.sidebar[1]: unknown widget type" in result.stderr


@pytest.mark.parametrize("option", ["--port", "--aws-port"])
def test_serve_on_a_port_in_use_fails_cleanly(option):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = run("serve", "--content", GOOD, option, port)
    assert result.exit_code == 1
    assert f"port {port} on 127.0.0.1 is already in use" in result.stderr


# -- local routing -----------------------------------------------------------------------

@pytest.mark.parametrize("url, route, captured", [
    ("/posts/hello", "/posts/{slug}", {"slug": "hello"}),
    ("/nothing", "/{proxy+}", {"proxy+": "nothing"}),
    ("/no/such/place/", "/{proxy+}", {"proxy+": "no/such/place"}),
    ("/tags/a/b/c?x=1", "/{proxy+}", {"proxy+": "tags/a/b/c"}),
])
def test_local_routing_sends_every_unmatched_path_to_the_greedy_proxy(aws_env, url, route,
                                                                      captured):
    from app import app  # with aws_env: the app reads BLOG_BUCKET when first imported

    matched = GreedyProxyRouteMatcher(list(app.routes)).match_route(url)
    assert (matched.route, matched.captured) == (route, captured)


def test_greedy_routing_changes_nothing_without_a_proxy_route():
    with pytest.raises(ValueError):
        GreedyProxyRouteMatcher(["/", "/posts/{slug}"]).match_route("/a/b")

