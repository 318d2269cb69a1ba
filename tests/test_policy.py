"""The Lambda's IAM policy grants exactly the AWS calls its code makes, nothing wider.

``autogen_policy`` cannot see the clients created in ``chalicelib``, so each stage
has a hand-written ``.chalice/policy-<stage>.json``. This module derives, by
reading the source (no AWS, no imports of the code under test), which boto3
operations the deployed functions can reach from ``app.py``'s routes and S3
handler, maps them to IAM actions, and compares them with every stage's file:
a missing action fails, and so does an extra one, a wildcard action, or a
resource other than the stage's own bucket, table and log groups.

The static derivation is cross-checked at the end against the operations a
request and an S3 event really make under moto.
"""
import ast
import json
import re
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
CHALICE_DIR = PROJECT / ".chalice"
CONFIG = json.loads((CHALICE_DIR / "config.json").read_text())
STAGES = sorted(CONFIG["stages"])
APP_NAME = CONFIG["app_name"]

# boto3 operation -> IAM actions. An operation missing here fails the test, so a
# new call cannot slip through unmapped.
S3_ACTIONS = {
    "get_object": {"s3:GetObject"},
    "head_object": {"s3:GetObject"},
    "put_object": {"s3:PutObject"},
    "copy_object": {"s3:GetObject", "s3:PutObject"},
    "delete_object": {"s3:DeleteObject"},
    "delete_objects": {"s3:DeleteObject"},
    "list_objects": {"s3:ListBucket"},
    "list_objects_v2": {"s3:ListBucket"},
    "list_object_versions": {"s3:ListBucketVersions"},
    "head_bucket": {"s3:ListBucket"},
}
DYNAMODB_ACTIONS = {
    "get_item": {"dynamodb:GetItem"},
    "put_item": {"dynamodb:PutItem"},
    "update_item": {"dynamodb:UpdateItem"},
    "delete_item": {"dynamodb:DeleteItem"},
    "query": {"dynamodb:Query"},
    "scan": {"dynamodb:Scan"},
    "batch_get_item": {"dynamodb:BatchGetItem"},
    "batch_write_item": {"dynamodb:BatchWriteItem"},
    "describe_table": {"dynamodb:DescribeTable"},
    "create_table": {"dynamodb:CreateTable"},
    # Transactions have no IAM action of their own: each item is authorised as
    # the single-item call it stands for (see TRANSACT_ITEM_ACTIONS).
    "transact_get_items": {"dynamodb:GetItem"},
}
TRANSACT_ITEM_ACTIONS = {"Put": "dynamodb:PutItem", "Update": "dynamodb:UpdateItem",
                         "Delete": "dynamodb:DeleteItem",
                         "ConditionCheck": "dynamodb:ConditionCheckItem"}
WAITER_OPERATIONS = {"table_exists": "describe_table", "table_not_exists": "describe_table",
                     "bucket_exists": "head_bucket", "object_exists": "head_object"}
ACTIONS_BY_SERVICE = {"s3": S3_ACTIONS, "dynamodb": DYNAMODB_ACTIONS}
# ContentStore.get treats NoSuchKey as "the object is gone" (how a deleted post
# leaves the index). S3 answers NoSuchKey only to callers allowed s3:ListBucket;
# everyone else gets AccessDenied, which would look like an outage.
IMPLIED_ACTIONS = {"s3:GetObject": {"s3:ListBucket"}}
LOG_ACTIONS = {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"}
READ_ACTIONS = {"s3:GetObject", "s3:ListBucket", "dynamodb:GetItem", "dynamodb:Query",
                "dynamodb:BatchGetItem"}


# -- static derivation ----------------------------------------------------------

class Codebase:
    """app.py and chalicelib/*.py parsed, with a small name-based call graph.

    Receivers are typed by name across the code base (``self._index =
    PostIndex(...)``, a dataclass field ``store: ContentStore``, a keyword
    ``Services(index=...)``, a function returning ``Blog(...)``): the project
    names a thing the same way wherever it goes, so this resolves every call
    into chalicelib, and anything it cannot resolve (dicts, strings, jinja2)
    is outside chalicelib and makes no AWS call of its own.
    """

    def __init__(self, project):
        files = {"app": project / "app.py"}
        files.update({f"chalicelib.{path.stem}": path
                      for path in sorted((project / "chalicelib").glob("*.py"))})
        self.trees = {name: ast.parse(path.read_text(), filename=str(path))
                      for name, path in files.items()}
        self.functions = {}   # qualname -> (module, class qualname or None, node)
        self.classes = {}     # qualname -> ClassDef
        self.imports = {name: {} for name in self.trees}
        for module, tree in self.trees.items():
            for node in ast.walk(tree):
                for child in ast.iter_child_nodes(node):
                    child.parent = node
            for node in tree.body:
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    self.functions[f"{module}.{node.name}"] = (module, None, node)
                elif isinstance(node, ast.ClassDef):
                    qualname = f"{module}.{node.name}"
                    self.classes[qualname] = node
                    for item in node.body:
                        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                            self.functions[f"{qualname}.{item.name}"] = (module, qualname, item)
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                        "chalicelib"):
                    for alias in node.names:
                        self.imports[module][alias.asname or alias.name] = \
                            f"{node.module}.{alias.name}"
        self.types = {}
        self.returns = {}
        self._infer_types()

    # names and types

    def resolve(self, module, name):
        """The qualified name a bare name stands for in ``module``, or None."""
        target = self.imports[module].get(name, f"{module}.{name}")
        if target in self.functions or target in self.classes or target in self.trees:
            return target
        return None

    def enclosing(self, node):
        while node is not None and not isinstance(node, (ast.FunctionDef,
                                                         ast.AsyncFunctionDef)):
            node = getattr(node, "parent", None)
        return node

    def type_of(self, expr, module, cls):
        """Set of chalicelib class qualnames ``expr`` may hold."""
        if isinstance(expr, ast.Name):
            if expr.id == "self" and cls:
                return {cls}
            return set(self.types.get(expr.id, ()))
        if isinstance(expr, ast.Attribute):
            found = set(self.types.get(expr.attr, ()))
            for owner in self.type_of(expr.value, module, cls):
                found |= self.returns.get(f"{owner}.{expr.attr}", set())
            return found
        if isinstance(expr, ast.Call):
            return set().union(*(self.classes_or_returns(target)
                                 for target in self.callees(expr.func, module, cls)))
        return set()

    def classes_or_returns(self, target):
        if target in self.classes:
            return {target}
        return set(self.returns.get(target, ()))

    def callees(self, func, module, cls):
        """Qualified functions or classes that ``func`` (a call's target) may name."""
        if isinstance(func, ast.Name):
            target = self.resolve(module, func.id)
            return {target} if target and target not in self.trees else set()
        if isinstance(func, ast.Attribute):
            if isinstance(func.value, ast.Name):
                target = self.resolve(module, func.value.id)
                if target in self.trees or target in self.classes:
                    name = f"{target}.{func.attr}"
                    return {name} if name in self.functions else set()
            return {f"{owner}.{func.attr}" for owner in self.type_of(func.value, module, cls)
                    if f"{owner}.{func.attr}" in self.functions}
        return set()

    def _params(self, qualname):
        if qualname in self.classes:
            qualname = f"{qualname}.__init__"
            skip = 1
        else:
            skip = 1 if qualname in self.functions and self.functions[qualname][1] else 0
        if qualname not in self.functions:
            return []
        return [arg.arg for arg in self.functions[qualname][2].args.args][skip:]

    def _add(self, table, key, values):
        before = len(table.setdefault(key, set()))
        table[key] |= values
        return len(table[key]) != before

    def _infer_types(self):
        for _ in range(20):
            changed = False
            for module, tree in self.trees.items():
                for node in ast.walk(tree):
                    function = self.enclosing(getattr(node, "parent", None))
                    cls = self._class_of(function)
                    if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                        value = self.type_of(node.value, module, cls)
                        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                        for target in targets:
                            name = getattr(target, "id", None) or getattr(target, "attr", None)
                            if name and value:
                                changed |= self._add(self.types, name, value)
                    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) \
                            and isinstance(node.annotation, ast.Name):
                        annotated = self.resolve(module, node.annotation.id)
                        if annotated in self.classes:
                            changed |= self._add(self.types, node.target.id, {annotated})
                    if isinstance(node, ast.Call):
                        for target in self.callees(node.func, module, cls):
                            params = self._params(target)
                            for param, arg in zip(params, node.args):
                                changed |= self._add(self.types, param,
                                                     self.type_of(arg, module, cls))
                            for keyword in node.keywords:
                                if keyword.arg:
                                    changed |= self._add(
                                        self.types, keyword.arg,
                                        self.type_of(keyword.value, module, cls))
                    if isinstance(node, ast.Return) and node.value is not None and function:
                        qualname = self._qualname(module, function)
                        changed |= self._add(self.returns, qualname,
                                             self.type_of(node.value, module, cls))
            if not changed:
                return

    def _class_of(self, function):
        if function is None:
            return None
        for qualname, (_, cls, node) in self.functions.items():
            if node is function:
                return cls
        return None

    def _qualname(self, module, function):
        for qualname, (_, _, node) in self.functions.items():
            if node is function:
                return qualname
        return None

    # reachability

    def references(self, qualname):
        """Functions a function may call or hand on (callbacks count too)."""
        module, cls, node = self.functions[qualname]
        return self._references_in(ast.walk(node), module, cls)

    def _references_in(self, nodes, module, cls):
        found = set()
        for node in nodes:
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                target = self.resolve(module, node.id)
                if target in self.functions:
                    found.add(target)
                elif target in self.classes and f"{target}.__init__" in self.functions:
                    found.add(f"{target}.__init__")
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
                found |= {target for target in self.callees(node, module, cls)
                          if target in self.functions}
        return found

    def module_level_references(self, module):
        """What a module's import-time code (decorators, constants) refers to."""
        tree = self.trees[module]
        nodes = []
        for statement in tree.body:
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                nodes.extend(node for decorator in statement.decorator_list
                             for node in ast.walk(decorator))
            else:
                nodes.extend(ast.walk(statement))
        return self._references_in(nodes, module, None)

    def reachable(self, roots):
        seen, todo = set(), list(roots)
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            todo.extend(self.references(current) - seen)
        return seen

    # AWS clients and their operations

    def client_attributes(self):
        """{(class qualname, attribute): service} for clients made by aws.client()."""
        found = {}
        for module, tree in self.trees.items():
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and self._is_client_factory(node, module)):
                    continue
                service = node.args[0].value
                call = node.parent
                if not isinstance(call, ast.Call):
                    continue
                function = self.enclosing(call)
                for target in self.callees(call.func, module, self._class_of(function)):
                    params = self._params(target)
                    param = None
                    if node in call.args and call.args.index(node) < len(params):
                        param = params[call.args.index(node)]
                    for keyword in call.keywords:
                        if keyword.value is node:
                            param = keyword.arg
                    if param and target in self.classes:
                        found.update(self._stored_as(target, param, service))
                    elif param:
                        found[(target, param)] = service
        return found

    def _is_client_factory(self, node, module):
        return (node.args and isinstance(node.args[0], ast.Constant)
                and "chalicelib.aws.client" in self.callees(node.func, module, None))

    def _stored_as(self, cls, param, service):
        init = self.functions.get(f"{cls}.__init__")
        if init is None:
            return {}
        return {(cls, node.targets[0].attr): service for node in ast.walk(init[2])
                if isinstance(node, ast.Assign) and isinstance(node.value, ast.Name)
                and node.value.id == param and isinstance(node.targets[0], ast.Attribute)}

    def operations(self, functions):
        """{service: {boto3 operation}} the given functions call, plus transaction kinds."""
        clients = self.client_attributes()
        calls, unexplained = {}, []
        transactions = set()
        for qualname in functions:
            module, cls, function = self.functions[qualname]
            for node in ast.walk(function):
                service = self._client_service(node, cls, qualname, clients)
                if service is None:
                    continue
                parent = node.parent
                if isinstance(parent, ast.Attribute) and isinstance(parent.parent, ast.Call) \
                        and parent.parent.func is parent:
                    operation = parent.attr
                    argument = parent.parent.args[0] if parent.parent.args else None
                    if operation == "get_paginator":
                        operation = argument.value
                    elif operation == "get_waiter":
                        operation = WAITER_OPERATIONS[argument.value]
                    calls.setdefault(service, set()).add(operation)
                elif isinstance(parent, ast.Call) and getattr(parent.func, "id", "") == "getattr":
                    name = parent.args[1]
                    if isinstance(name, ast.Constant):
                        calls.setdefault(service, set()).add(name.value)
                    else:
                        found = self._operation_arguments(qualname, name.id, functions)
                        calls.setdefault(service, set()).update(found)
                        if not found:
                            unexplained.append(f"{qualname}:{node.lineno}")
                else:
                    unexplained.append(f"{qualname}:{node.lineno}")
        if any("transact_write_items" in ops for ops in calls.values()):
            for qualname in functions:
                for node in ast.walk(self.functions[qualname][2]):
                    if isinstance(node, ast.Dict):
                        transactions |= {key.value for key in node.keys
                                         if isinstance(key, ast.Constant)
                                         and key.value in TRANSACT_ITEM_ACTIONS}
        return calls, transactions, unexplained

    def _client_service(self, node, cls, qualname, clients):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load) \
                and isinstance(node.value, ast.Name) and node.value.id == "self" \
                and (cls, node.attr) in clients:
            return clients[(cls, node.attr)]
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) \
                and (qualname, node.id) in clients:
            return clients[(qualname, node.id)]
        return None

    def _operation_arguments(self, qualname, param, functions):
        """String constants passed as ``param`` to ``qualname`` by reachable code."""
        position = self._params(qualname).index(param)
        found = set()
        for caller in functions:
            module, cls, function = self.functions[caller]
            for node in ast.walk(function):
                if isinstance(node, ast.Call) and qualname in self.callees(node.func, module, cls):
                    if len(node.args) > position and isinstance(node.args[position], ast.Constant):
                        found.add(node.args[position].value)
                    found |= {keyword.value.value for keyword in node.keywords
                              if keyword.arg == param and isinstance(keyword.value, ast.Constant)}
        return found


def app_roots(codebase, kind):
    """Entry points in app.py: route views, event handlers, or both ("all").

    Read from the Chalice app's own registry, so any decorator that registers a
    route or an event handler is seen.
    """
    from app import app

    names = set()
    if kind in ("routes", "all"):
        names |= {entry.view_name for methods in app.routes.values()
                  for entry in methods.values()}
    if kind in ("handlers", "all"):
        names |= {source.name for source in app.event_sources}
    roots = {f"app.{name}" for name in names}
    assert roots <= set(codebase.functions), sorted(roots - set(codebase.functions))
    return roots


def derive_actions(kind="all"):
    """IAM actions the deployed code can need, and the evidence behind them."""
    codebase = Codebase(PROJECT)
    roots = app_roots(codebase, kind) | codebase.module_level_references("app")
    functions = codebase.reachable(roots)
    # Import-time code of every module the Lambda loads runs too.
    modules = {codebase.functions[name][0] for name in functions} | {"app"}
    functions = codebase.reachable(functions | set().union(
        *(codebase.module_level_references(module) for module in modules)))
    calls, transactions, unexplained = codebase.operations(functions)
    assert not unexplained, f"client used in a way the policy test cannot read: {unexplained}"
    actions = set()
    for service, operations in calls.items():
        for operation in operations:
            if operation == "transact_write_items":
                assert transactions, "transact_write_items with no readable item kinds"
                actions |= {TRANSACT_ITEM_ACTIONS[kind_] for kind_ in transactions}
                continue
            assert operation in ACTIONS_BY_SERVICE[service], (
                f"{service}.{operation} has no IAM mapping in tests/test_policy.py")
            actions |= ACTIONS_BY_SERVICE[service][operation]
    for action in list(actions):
        actions |= IMPLIED_ACTIONS.get(action, set())
    return actions, calls, functions


# -- the stage's policy file -------------------------------------------------------

# Each function has a role of its own: the page function ("api", Chalice's
# api_handler) may only read; the S3 handler ("handler") maintains the index.
ROLES = {"api": "routes", "handler": "handlers"}
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
    from chalicelib.store import CONTENT_PREFIXES

    bucket, table, functions = stage_settings(stage, role)
    objects = [re.escape(f"arn:aws:s3:::{bucket}/{prefix}") + r"\*"
               for prefix in CONTENT_PREFIXES]
    needed = set()
    for action in actions:
        if action in ("s3:GetObject", "s3:PutObject", "s3:DeleteObject"):
            needed |= {(action, pattern) for pattern in objects}
        elif action.startswith("s3:"):
            needed.add((action, re.escape(f"arn:aws:s3:::{bucket}")))
        elif action.startswith("dynamodb:"):
            needed.add((action, rf"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/{re.escape(table)}"))
    for action in LOG_ACTIONS:
        needed |= {(action, rf"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:"
                            + re.escape(f"/aws/lambda/{name}") + r":\*")
                   for name in functions}
    return needed


@pytest.fixture(scope="module")
def derived():
    return derive_actions("all")


@pytest.fixture(scope="module")
def derived_by_role():
    return {role: derive_actions(kind) for role, kind in ROLES.items()}


@pytest.mark.parametrize("stage", STAGES)
def test_stage_uses_its_policy_files(stage):
    config = CONFIG["stages"][stage]
    assert config.get("autogen_policy") is False
    assert config.get("iam_policy_file") == f"policy-{stage}.json"
    assert policy_file(stage, "api") == f"policy-{stage}-api.json"
    for role in ROLES:
        assert (CHALICE_DIR / policy_file(stage, role)).is_file()


@pytest.mark.parametrize("stage, role", POLICIES)
def test_policy_grants_every_action_the_code_calls(stage, role, derived_by_role):
    actions, _, _ = derived_by_role[role]
    granted = grants(load_policy(stage, role))
    missing = [(action, pattern)
               for action, pattern in sorted(required_grants(stage, role, actions))
               if not any(given == action and re.fullmatch(pattern, resource)
                          for given, resource in granted)]
    assert not missing, f"{policy_file(stage, role)} lacks {missing}"


@pytest.mark.parametrize("stage, role", POLICIES)
def test_policy_grants_nothing_more(stage, role, derived_by_role):
    actions, _, _ = derived_by_role[role]
    needed = required_grants(stage, role, actions)
    extra = [(action, resource) for action, resource in sorted(grants(load_policy(stage, role)))
             if not any(action == wanted and re.fullmatch(pattern, resource)
                        for wanted, pattern in needed)]
    assert not extra, f"{policy_file(stage, role)} grants what no code path needs: {extra}"


def test_the_page_function_may_only_read():
    for stage in STAGES:
        actions = {action for action, _ in grants(load_policy(stage, "api"))}
        assert actions <= READ_ACTIONS | LOG_ACTIONS, sorted(actions)
        assert not any(action.startswith("s3:") for action in actions), "pages never read S3"


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
            specific = re.sub(r"(/(posts|pages)/|:log-group:[^*?]+:)\*$", r"\1", specific)
            assert "*" not in specific and "?" not in specific, resource


def test_derivation_sees_the_known_calls(derived):
    """A canary: if the analysis went blind, this list would shrink."""
    actions, calls, functions = derived
    assert {"get_object"} <= calls["s3"]
    assert {"get_item", "query", "batch_get_item", "transact_write_items",
            "batch_write_item"} <= calls["dynamodb"]
    assert "chalicelib.indexer.sync_key" in functions
    assert "chalicelib.runtime.serve" in functions
    # Writers used only by the CLI (it runs with the operator's credentials).
    assert "chalicelib.store.ContentStore.put" not in functions
    assert "chalicelib.store.ContentStore.keys" not in functions
    assert not actions & {"s3:PutObject", "s3:DeleteObject", "dynamodb:Scan",
                          "dynamodb:CreateTable", "dynamodb:DescribeTable"}


def test_public_routes_only_read():
    """A GET never writes: the routes alone need read actions only."""
    actions, _, _ = derive_actions("routes")
    assert actions, "no AWS calls found behind the routes"
    assert actions <= READ_ACTIONS, sorted(actions - READ_ACTIONS)


# -- cross-check against what really happens ---------------------------------------

def record_operations(client, service, seen):
    """Record the IAM actions each call on ``client`` is authorised as."""
    def before_call(model, params, **_):
        if model.name == "TransactWriteItems":
            seen.update(TRANSACT_ITEM_ACTIONS[kind] for item in params["TransactItems"]
                        for kind in item)
            return
        operation = re.sub(r"(?<!^)(?=[A-Z])", "_", model.name).lower()
        seen.update(ACTIONS_BY_SERVICE[service].get(operation, {f"{service}:{model.name}"}))
    client.meta.events.register(f"before-parameter-build.{service}.*", before_call)


def test_observed_calls_are_within_the_derived_actions(blog, client, derived):
    """Routes and S3 events under moto make no call the derivation missed."""
    import boto3
    from conftest import BUCKET, publish

    from chalicelib import aws

    actions, _, _ = derived
    publish(blog, "posts/first.md", "# First\n\nHello.", date="2024-05-01", tags="a, b",
            categories="c")
    publish(blog, "posts/gone.md", "# Gone\n\nSoon.", date="2024-05-02")
    publish(blog, "pages/about.md", "# About\n\nMe.")
    blog.store.put("posts/second.md", b"---\ntitle: Second\ndate: 2024-06-01\ntags: b\n---\nBody.\n")
    boto3.client("s3").delete_object(Bucket=BUCKET, Key="posts/gone.md")
    seen = set()
    record_operations(aws.client("s3"), "s3", seen)
    record_operations(aws.client("dynamodb"), "dynamodb", seen)

    for key in ("posts/second.md", "posts/first.md"):
        client.lambda_.invoke("on_content_change",
                              client.events.generate_s3_event(bucket=BUCKET, key=key))
    client.lambda_.invoke("on_content_change", client.events.generate_s3_event(
        bucket=BUCKET, key="posts/gone.md", event_name="ObjectRemoved:Delete"))
    for path in ("/", "/posts/second", "/pages/about", "/tags/b", "/categories/c",
                 "/archive/2024", "/archive/2024/06", "/search?q=second", "/feed.xml",
                 "/rss.xml", "/tags/b/feed.xml", "/sitemap.xml", "/robots.txt", "/nope"):
        assert client.http.get(path).status_code in (200, 404), path
    implied = set().union(*IMPLIED_ACTIONS.values())
    assert seen, "no AWS calls were recorded"
    assert seen <= actions, sorted(seen - actions)
    assert actions - implied <= seen, sorted(actions - implied - seen)


@pytest.mark.parametrize("stage", STAGES)
def test_bootstrap_writes_exactly_the_committed_policies(stage):
    """`blog bootstrap` regenerates these files; both must agree with the checks above."""
    from blog_cli.policies import stage_policies

    bucket, table, _ = stage_settings(stage, "handler")
    for name, document in stage_policies(APP_NAME, stage, bucket, table).items():
        assert json.loads((CHALICE_DIR / name).read_text()) == document, name
