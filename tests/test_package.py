"""The real Lambda package renders every kind of page from a Lambda-like interpreter.

Builds the deployment package with ``chalice package`` (Terraform format: the
CloudFormation one refuses ``@app.on_s3_event``), unzips it, and runs it in a
fresh ``python -I -S`` whose import path holds only the package and the
libraries the AWS Lambda Python runtime provides (boto3 and its dependencies),
against a moto server seeded with the project's own code.

Each run works in its own ``build/package-test/run-*`` (gitignored, removed
afterwards) and leaves ``build/package-test/python.txt`` saying which Python
the package ran on and how long it took. Chalice caches the
downloaded Lambda wheels in ``.chalice/deployments``, so only the first run
after a change to requirements.txt or the code pays for pip.
"""
import fcntl
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

import boto3
import pytest
from moto.server import ThreadedMotoServer

from tests.helpers import gateway_body, gateway_text

from chalicelib.config import Environment
from chalicelib.dynamodb import create_table
from chalicelib.wiring import services
from chalicelib.wiring import reset

PROJECT = Path(__file__).resolve().parent.parent
BUILD = PROJECT / "build" / "package-test"
STAGE = "dev"
REGION = "us-east-1"
HOST = "abc123defg.execute-api.us-east-1.amazonaws.com"
# What the Lambda Python runtime ships besides the standard library.
LAMBDA_RUNTIME_LIBRARIES = ("boto3", "botocore", "s3transfer", "jmespath", "dateutil",
                            "urllib3", "six")
# Development tools that must never reach the Lambda.
DEV_ONLY = ("tests", "demo", "blog_cli", "bench", ".venv", ".chalice", ".git", "build",
            "moto", "pytest", "_pytest", "boto3", "botocore", "s3transfer", "click", "rich",
            "feedparser", "werkzeug", "flask", "responses", "Makefile", "pyproject.toml",
            "requirements.txt", "requirements-dev.txt", "site.yaml")
# Chalice adds its own router so `from chalice import Chalice` works in Lambda;
# nothing else of the chalice distribution (CLI, deployer) may come along.
CHALICE_RUNTIME = {"chalice/__init__.py", "chalice/app.py"}

SITE = {
    "site": {"title": "Packaged Blog", "tagline": "Straight from the zip",
             "author": "Pat Kage", "base_url": "https://blog.example.org",
             "timezone": "UTC", "posts_per_page": 5, "cache_seconds": 60},
    "widgets": {"sidebar": [{"type": "recent_posts", "title": "Recent Posts", "count": 5},
                            {"type": "links", "title": "Blogroll",
                             "links": [{"title": "Example", "url": "https://example.org"}]}]},
}
FIRST_POST = """---
title: Hello from Lambda
date: 2024-05-01
tags: serverless, python
categories: Notes
---
The first post, *rendered* before it was stored.
"""
NEW_POST = """---
title: Fresh from S3
date: 2024-06-02
---
Uploaded after the deploy.
"""

# Runs inside the fresh interpreter: only the package and the runtime libraries
# on the path, invocations read from a JSON file, results written to another
# (the app logs to stdout, as it does in Lambda).
DRIVER = r"""
import importlib.util, json, sys
spec = json.load(open(sys.argv[1]))
sys.path[:0] = spec["path"]

class LambdaContext:
    function_name = spec["function_name"]
    memory_limit_in_mb = 512
    aws_request_id = "00000000-0000-0000-0000-000000000000"
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:" + function_name
    def get_remaining_time_in_millis(self):
        return 30000

import app
results = []
for call in spec["calls"]:
    if "etag_from" in call:  # a conditional request, as a CDN revalidating sends it
        call["event"]["headers"]["If-None-Match"] = \
            results[call["etag_from"]]["headers"]["ETag"]
    results.append(getattr(app, call["handler"])(call["event"], LambdaContext()))
from chalicelib import render
facts = {
    "python": list(sys.version_info[:3]),
    "theme_dir": render.THEME_DIR,
    "loaders": [[type(loader).__name__,
                 list(getattr(loader, "searchpath", None) or loader.module.__path__)]
                for loader in getattr(render.environment().loader, "loaders",
                                      [render.environment().loader])],
    "modules": {name: importlib.util.find_spec(name).origin
                for name in ("app", "chalice", "chalicelib", "jinja2", "markdown", "yaml",
                             "feedgen", "lxml", "PIL", "boto3", "botocore")},
    "importable_dev_tools": [name for name in ("moto", "pytest", "click", "rich",
                                               "blog_cli", "feedparser", "werkzeug")
                             if importlib.util.find_spec(name) is not None],
    "chalice_cli": importlib.util.find_spec("chalice.cli") is not None,
    "sys_path": sys.path,
}
json.dump({"results": results, "facts": facts}, open(spec["out"], "w"), default=str)
"""


@pytest.fixture(scope="module")
def run_dir():
    """This run's scratch directory; concurrent test runs each get their own."""
    BUILD.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix="run-", dir=BUILD))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def package(run_dir):
    """Build the dev stage's package and unzip it; returns facts about the build."""
    out = run_dir / "out"
    unzipped = run_dir / "unzipped"
    env = dict(os.environ, AWS_DEFAULT_REGION=os.environ.get("AWS_DEFAULT_REGION", REGION))
    for name in ("BLOG_BUCKET", "BLOG_TABLE", "AWS_ENDPOINT_URL"):
        env.pop(name, None)
    chalice = Path(sys.executable).with_name("chalice")
    started = time.monotonic()
    # Chalice writes its dependency cache (.chalice/deployments) in place: one
    # build at a time, so a parallel run never reads a half-written zip.
    with open(BUILD / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        built = subprocess.run([str(chalice), "package", "--stage", STAGE, "--pkg-format",
                                "terraform", str(out)], cwd=PROJECT, env=env,
                               capture_output=True, text=True, timeout=600)
    elapsed = time.monotonic() - started
    assert built.returncode == 0, built.stdout + built.stderr
    archive = zipfile.ZipFile(out / "deployment.zip")
    archive.extractall(unzipped)
    terraform = json.loads((out / "chalice.tf.json").read_text())
    yield {"zip": archive, "names": set(archive.namelist()), "dir": unzipped,
           "terraform": terraform, "seconds": elapsed, "run_dir": run_dir}
    archive.close()


def lambda_function(package, name):
    return package["terraform"]["resource"]["aws_lambda_function"][name]


# -- what the zip holds ------------------------------------------------------------

def test_package_holds_the_app_and_the_whole_theme(package):
    names = package["names"]
    assert "app.py" in names
    for source in sorted((PROJECT / "chalicelib").glob("*.py")):
        assert f"chalicelib/{source.name}" in names
    theme = PROJECT / "templates"
    for template in sorted(path for path in theme.rglob("*") if path.is_file()):
        assert f"templates/{template.relative_to(theme).as_posix()}" in names, template


def test_package_holds_exactly_the_pinned_runtime_requirements(package):
    pins = {}
    for line in (PROJECT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            pins[name.lower().replace("-", "_").replace(".", "_")] = version
    dists = {top[:-len(".dist-info")] for top in {name.split("/")[0]
                                                   for name in package["names"]}
             if top.endswith(".dist-info")}
    found = {}
    for dist in dists:
        name, version = dist.rsplit("-", 1)
        found[name.lower()] = version
    assert found == pins


def test_package_holds_nothing_else(package):
    """Every entry is the app, the theme, chalice's router or a pinned library's file."""
    names = package["names"]
    owned = set()
    for record in (name for name in names if name.endswith(".dist-info/RECORD")):
        owned |= {line.split(",")[0] for line in
                  package["zip"].read(record).decode().splitlines() if line}
    unexplained = sorted(
        name for name in names
        if not (name == "app.py"
                or name.startswith(("chalicelib/", "templates/", "compiled_templates/"))
                or name in CHALICE_RUNTIME or name in owned or name.endswith("/")))
    assert not unexplained, unexplained
    tops = {name.split("/")[0] for name in names}
    assert not tops & set(DEV_ONLY)
    assert {name for name in names if name.startswith("chalice/")} == CHALICE_RUNTIME
    assert not [name for name in names if name.startswith(("chalicelib/", "templates/"))
                and ("__pycache__" in name or name.endswith(".pyc"))]


def test_terraform_wires_the_s3_event_and_the_stage(package):
    from test_policy import load_policy, stage_settings

    bucket, table, api_functions = stage_settings(STAGE, "api")
    _, _, handler_functions = stage_settings(STAGE, "handler")
    functions = api_functions + handler_functions
    resources = package["terraform"]["resource"]
    notifications = list(resources["aws_s3_bucket_notification"].values())
    assert len(notifications) == 1
    assert notifications[0]["bucket"] == bucket
    (target,) = notifications[0]["lambda_function"]
    assert target["lambda_function_arn"] == "${aws_lambda_function.on_content_change.arn}"
    assert set(target["events"]) == {"s3:ObjectCreated:*", "s3:ObjectRemoved:*"}
    names = sorted(function["function_name"]
                   for function in resources["aws_lambda_function"].values())
    assert names == sorted(functions)  # the log groups the policy names
    for function in resources["aws_lambda_function"].values():
        assert function["environment"]["variables"]["BLOG_BUCKET"] == bucket
        assert function["environment"]["variables"]["BLOG_TABLE"] == table
        assert function["runtime"] == "python{}.{}".format(*sys.version_info[:2])
    # Two roles: the page function's read-only policy and the S3 handler's.
    attached = sorted(json.dumps(json.loads(role_policy["policy"]), sort_keys=True)
                      for role_policy in resources["aws_iam_role_policy"].values())
    assert attached == sorted(json.dumps(load_policy(STAGE, role), sort_keys=True)
                              for role in ("api", "handler"))


# -- running it --------------------------------------------------------------------

@pytest.fixture(scope="module")
def lambda_runtime(run_dir):
    """A directory standing in for the Lambda runtime's own site-packages."""
    runtime = run_dir / "lambda-runtime"
    runtime.mkdir()
    for name in LAMBDA_RUNTIME_LIBRARIES:
        origin = Path(importlib.util.find_spec(name).origin)
        source = origin.parent if origin.name == "__init__.py" else origin
        (runtime / source.name).symlink_to(source)
    return runtime


@pytest.fixture(scope="module")
def aws_server(package):
    """A moto server holding the dev stage's bucket and table, seeded by our own code."""
    variables = lambda_function(package, "api_handler")["environment"]["variables"]
    bucket, table = variables["BLOG_BUCKET"], variables["BLOG_TABLE"]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    with pytest.MonkeyPatch.context() as patch:
        for name in ("AWS_PROFILE", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_DYNAMODB"):
            patch.delenv(name, raising=False)
        patch.setenv("AWS_ENDPOINT_URL", endpoint)
        patch.setenv("AWS_ACCESS_KEY_ID", "testing")
        patch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        patch.setenv("AWS_DEFAULT_REGION", REGION)
        reset()
        try:
            from tests.helpers import publish, push_site

            boto3.client("s3").create_bucket(Bucket=bucket)
            create_table(boto3.client("dynamodb"), table)
            found = services(Environment(bucket=bucket, table=table))
            push_site(found, SITE)
            result = publish(found, "posts/hello-from-lambda.md", FIRST_POST)
            assert result.action == "indexed", result
            # The next post is only uploaded, as `aws s3 cp` would: the packaged
            # S3 handler has to index it.
            boto3.client("s3").put_object(Bucket=bucket, Key="posts/fresh-from-s3.md",
                                          Body=NEW_POST.encode())
        finally:
            reset()
    yield {"endpoint": endpoint, "bucket": bucket, "table": table}
    server.stop()


def http_event(path, resource, path_parameters=None, query=None, headers=None):
    """An API Gateway REST proxy event as AWS sends it to the function."""
    return {
        "resource": resource, "path": path, "httpMethod": "GET",
        "headers": {"Host": HOST, "X-Forwarded-Proto": "https", "Accept": "text/html",
                    **(headers or {})},
        "multiValueHeaders": None,
        "queryStringParameters": {key: values[-1] for key, values in query.items()}
        if query else None,
        "multiValueQueryStringParameters": query or None,
        "pathParameters": path_parameters, "stageVariables": None,
        "requestContext": {"resourcePath": resource, "httpMethod": "GET",
                           "path": f"/api{path}", "stage": "api",
                           "accountId": "123456789012", "apiId": "abc123defg",
                           "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
                           "identity": {"sourceIp": "203.0.113.9", "userAgent": "pytest"}},
        "body": None, "isBase64Encoded": False,
    }


def s3_event(bucket, key, event_name="ObjectCreated:Put"):
    """An S3 notification, shaped like chalice.test's generate_s3_event."""
    return {"Records": [{
        "eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": REGION,
        "eventTime": "2024-06-02T10:00:00.000Z", "eventName": event_name,
        "userIdentity": {"principalId": "AWS:OPERATOR"},
        "requestParameters": {"sourceIPAddress": "203.0.113.9"},
        "responseElements": {"x-amz-request-id": "1", "x-amz-id-2": "2"},
        "s3": {"s3SchemaVersion": "1.0", "configurationId": "on_content_change",
               "bucket": {"name": bucket, "ownerIdentity": {"principalId": "A"},
                          "arn": f"arn:aws:s3:::{bucket}"},
               "object": {"key": key, "size": len(NEW_POST), "eTag": "0",
                          "sequencer": "0"}}}]}


def invoke(package, lambda_runtime, aws_server, function, calls):
    """Run ``calls`` [(handler, event[, options])] in one fresh Lambda-like interpreter."""
    definition = lambda_function(package, function)
    run_dir = package["run_dir"]
    spec_file = run_dir / f"invoke-{function}.json"
    out_file = run_dir / f"result-{function}.json"
    spec_file.write_text(json.dumps({
        "path": [str(package["dir"]), str(lambda_runtime)],
        "function_name": definition["function_name"],
        "out": str(out_file),
        "calls": [{"handler": call[0], "event": call[1], **(call[2] if len(call) > 2 else {})}
                  for call in calls],
    }))
    env = {
        **definition["environment"]["variables"],
        "AWS_ENDPOINT_URL": aws_server["endpoint"],
        "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing", "AWS_REGION": REGION, "AWS_DEFAULT_REGION": REGION,
        "AWS_CONFIG_FILE": str(run_dir / "no-aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(run_dir / "no-aws-credentials"),
        "AWS_LAMBDA_FUNCTION_NAME": definition["function_name"],
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(definition["memory_size"]),
        "LAMBDA_TASK_ROOT": str(package["dir"]), "HOME": str(run_dir),
        "LANG": "en_US.UTF-8", "TZ": ":UTC", "PATH": "/usr/bin:/bin",
    }
    started = time.monotonic()
    ran = subprocess.run([sys.executable, "-I", "-S", "-c", DRIVER, str(spec_file)],
                         cwd=package["dir"], env=env, capture_output=True, text=True,
                         timeout=120)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    found = json.loads(out_file.read_text())
    found["seconds"] = time.monotonic() - started
    return found


@pytest.fixture(scope="module")
def api(package, lambda_runtime, aws_server):
    """The API function's answers to a reader's first requests."""
    calls = {
        "home": http_event("/", "/"),
        "post": http_event("/posts/hello-from-lambda", "/posts/{slug}",
                           {"slug": "hello-from-lambda"}),
        "feed": http_event("/feed.xml", "/feed.xml"),
        "missing": http_event("/a/b/c", "/{proxy+}", {"proxy": "a/b/c"}),
        "missing_post": http_event("/posts/nope", "/posts/{slug}", {"slug": "nope"}),
        "past_the_end": http_event("/", "/", query={"page": ["99"]}),
    }
    found = invoke(package, lambda_runtime, aws_server, "api_handler",
                   [("app", event) for event in calls.values()]
                   + [("app", calls["post"], {"etag_from": 1})])
    names = list(calls) + ["revalidated"]
    return dict(zip(names, found["results"]), facts=found["facts"],
                seconds=found["seconds"])


def test_runs_on_the_python_it_was_packaged_for(package, api):
    facts = api["facts"]
    runtime = lambda_function(package, "api_handler")["runtime"]
    assert runtime == "python{}.{}".format(*facts["python"][:2])
    (BUILD / "python.txt").write_text(
        "package runtime {} ran on Python {}.{}.{}; build {:.1f}s; first invocations {:.1f}s\n"
        .format(runtime, *facts["python"], package["seconds"], api["seconds"]))


def test_imports_only_from_the_package_and_the_runtime(package, lambda_runtime, api):
    facts = api["facts"]
    root = str(package["dir"])
    for name in ("app", "chalice", "chalicelib", "jinja2", "markdown", "yaml", "feedgen",
                 "lxml", "PIL"):
        assert facts["modules"][name].startswith(root + os.sep), (name, facts["modules"])
    for name in ("boto3", "botocore"):
        assert facts["modules"][name].startswith(str(lambda_runtime) + os.sep)
    assert facts["importable_dev_tools"] == []
    assert facts["chalice_cli"] is False
    assert not [entry for entry in facts["sys_path"] if "site-packages" in entry]


def test_theme_comes_from_the_package(package, api):
    theme = Path(api["facts"]["theme_dir"])
    assert theme == package["dir"] / "templates"
    # The precompiled theme (vendor/compiled_templates) is current, so it is used,
    # with the templates themselves behind it.
    assert [(kind, [Path(path) for path in paths])
            for kind, paths in api["facts"]["loaders"]] == [
        ("ModuleLoader", [package["dir"] / "compiled_templates"]),
        ("FileSystemLoader", [theme])]


def assert_themed(response, status):
    assert response["statusCode"] == status, response
    assert response["headers"]["Content-Type"].startswith("text/html")
    body = gateway_text(response)
    assert "Packaged Blog" in body
    assert "widget-area" in body and "Blogroll" in body
    assert "Missing Authentication Token" not in body
    return body


def test_home_page(api):
    body = assert_themed(api["home"], 200)
    assert "Hello from Lambda" in body
    assert 'href="/api/posts/hello-from-lambda"' in body  # on the execute-api host: stage kept
    assert api["home"]["headers"]["Cache-Control"] == \
        "public, max-age=60, stale-while-revalidate=60"
    assert api["home"]["headers"]["ETag"]


def test_post_page(api):
    body = assert_themed(api["post"], 200)
    assert "Blog</a>" in body
    assert '<h1 class="entry-title">Hello from Lambda</h1>' in body
    assert "<em>rendered</em>" in body


def test_atom_feed(api):
    response = api["feed"]
    assert response["statusCode"] == 200
    assert "xml" in response["headers"]["Content-Type"]
    assert response["headers"]["Last-Modified"]
    feed = ElementTree.fromstring(gateway_body(response))
    atom = "{http://www.w3.org/2005/Atom}"
    assert feed.tag == f"{atom}feed"
    assert [entry.findtext(f"{atom}title") for entry in feed.iter(f"{atom}entry")] == \
        ["Hello from Lambda"]


@pytest.mark.parametrize("name", ["missing", "missing_post", "past_the_end"])
def test_not_found_is_the_themed_404(api, name):
    body = assert_themed(api[name], 404)
    assert "error404" in body


def test_s3_event_indexes_a_new_post(package, lambda_runtime, aws_server, api):
    assert "Fresh from S3" not in gateway_text(api["home"])
    invoke(package, lambda_runtime, aws_server, "on_content_change",
           [("on_content_change", s3_event(aws_server["bucket"], "posts/fresh-from-s3.md"))])
    # A new instance of the API function, as a later request would get.
    found = invoke(package, lambda_runtime, aws_server, "api_handler", [
        ("app", http_event("/", "/")),
        ("app", http_event("/posts/fresh-from-s3", "/posts/{slug}",
                           {"slug": "fresh-from-s3"})),
    ])
    home, post = found["results"]
    body = assert_themed(home, 200)
    assert body.index("Fresh from S3") < body.index("Hello from Lambda")
    assert '<h1 class="entry-title">Fresh from S3</h1>' in assert_themed(post, 200)


def test_conditional_request_gets_304(api):
    assert api["revalidated"]["statusCode"] == 304
    assert gateway_body(api["revalidated"]) == b""
    assert api["revalidated"]["headers"]["ETag"] == api["post"]["headers"]["ETag"]


def test_the_package_makes_variants_from_an_s3_event_and_serves_an_image(
        package, lambda_runtime, aws_server):
    """Pillow from the package's manylinux wheel decodes, resizes and encodes in the Lambda."""
    import base64

    from tests.helpers import picture

    s3 = boto3.client("s3", endpoint_url=aws_server["endpoint"], region_name=REGION,
                      aws_access_key_id="testing", aws_secret_access_key="testing")
    bucket, key, original = aws_server["bucket"], "media/2026/packaged.jpg", picture(1600, 1000)
    s3.put_object(Bucket=bucket, Key=key, Body=original)
    invoke(package, lambda_runtime, aws_server, "on_content_change",
           [("on_content_change", s3_event(bucket, key))])
    listing = s3.list_objects_v2(Bucket=bucket, Prefix="media/_v/2026/packaged.jpg/")
    variants = sorted(item["Key"] for item in listing.get("Contents", []))
    assert len(variants) >= 3, variants
    accept = {"Accept": "image/avif,image/webp,image/apng,image/*,*/*;q=0.8"}
    found = invoke(package, lambda_runtime, aws_server, "api_handler", [
        ("app", http_event("/media/2026/packaged.jpg", "/media/{path+}",
                           {"path": "2026/packaged.jpg"}, headers=accept)),
        ("app", http_event("/" + variants[0], "/media/{path+}",
                           {"path": variants[0][len("media/"):]}, headers=accept)),
    ])
    served, variant = found["results"]
    assert served["statusCode"] == 200 and served["isBase64Encoded"] is True
    assert base64.b64decode(served["body"]) == original
    assert served["headers"]["Content-Type"] == "image/jpeg"
    assert variant["statusCode"] == 200
    assert variant["headers"]["Content-Type"] in ("image/webp", "image/avif", "image/jpeg")
    assert 0 < len(base64.b64decode(variant["body"])) < len(original)
