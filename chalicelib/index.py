"""The post index in DynamoDB: one table, one partition per question asked.

Layout (``pk`` / ``sk``), every read a GetItem or a Query, never a Scan:

- ``SITE`` / ``site``: settings JSON, ``version`` (bumped by every change),
  ``total`` posts, and ``scheduled`` (future posts, so caches expire on time
  and counts leave them out until then).
- ``AGG`` / ``tag#s``, ``cat#s``, ``month#YYYY-MM``, ``page#s``: counts kept
  with atomic ADD inside the same transaction as the post, so concurrent
  updates never lose one.
- ``POST#slug`` and ``PAGE#slug`` / ``meta`` plus ``body#rev#n``: metadata
  and the zlib-compressed rendered HTML in chunks (posts over 400 KB fit).
- ``LIST#all``, ``LIST#tag#s``, ``LIST#cat#s`` / ``<utc time>#<slug>``:
  listing entries; newest-first pages are Queries with a Limit, and the time
  in the key hides scheduled posts until their moment.
- ``TERM#word`` / ``<utc time>#<slug>``: the search index, with a weight.
- ``ERROR`` / ``<key>``: why a source could not be published.
"""
import logging
import math
import zlib
from datetime import datetime, timezone
from decimal import Decimal

from markupsafe import Markup

from chalicelib.background import Background
from chalicelib.errors import BlogError, StorageUnavailable
from chalicelib.models import HIGHEST, Entry, Label, Post, parse_timestamp, sort_key, timestamp
from chalicelib.text import term_weights
from chalicelib.widgets import SidebarData

log = logging.getLogger(__name__)

SITE_KEY = {"pk": "SITE", "sk": "site"}
AGG = "AGG"
ALL = "LIST#all"
CHUNK_BYTES = 300_000
BATCH_WRITE = 25
BATCH_GET = 100
MAX_QUERY_TERMS = 8


class Conflict(BlogError):
    """Another writer changed the same post first; read again and retry."""


def _serializer():
    from boto3.dynamodb.types import TypeDeserializer, TypeSerializer

    return TypeSerializer(), TypeDeserializer()


def _plain(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if hasattr(value, "value") and type(value).__name__ == "Binary":
        return bytes(value.value)
    return value


def _labels(raw):
    return [Label(name=item["n"], slug=item["s"]) for item in raw or []]


def _label_items(labels):
    return [{"n": name, "s": slug} for name, slug in labels]


def entry_from_item(item, kind="post"):
    """Build an Entry from a listing item or a head item."""
    return Entry(
        kind=kind, slug=item["slug"], title=item["title"],
        date=parse_timestamp(item["date"]), updated=parse_timestamp(item.get("updated")),
        author=item.get("author", ""), tags=_labels(item.get("tags")),
        categories=_labels(item.get("cats")), summary=Markup(item.get("summary", "")),
        description=item.get("desc", ""), words=item.get("words", 0),
        revision=item.get("rev", 0), chunks=item.get("chunks", 0),
    )


def month_of(moment, tz):
    """``YYYY-MM`` of a UTC moment in the site's timezone."""
    return moment.astimezone(tz).strftime("%Y-%m")


class PostIndex:
    """Reads and writes the blog's DynamoDB table through a low-level client."""

    def __init__(self, dynamodb_client, table):
        self._db = dynamodb_client
        self.table = table
        self._ser, self._de = _serializer()
        self._site_ready = False

    # -- low-level helpers -------------------------------------------------

    def _encode(self, item):
        return {key: self._ser.serialize(value) for key, value in item.items()
                if value is not None}

    def _decode(self, item):
        return {key: _plain(self._de.deserialize(value)) for key, value in item.items()}

    def _call(self, operation, **kwargs):
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return getattr(self._db, operation)(TableName=self.table, **kwargs)
        except ClientError as error:
            raise StorageUnavailable(f"DynamoDB {operation}: {error}") from error
        except BotoCoreError as error:
            raise StorageUnavailable(f"DynamoDB {operation}: {error}") from error

    def _query(self, pk, low=None, high=None, limit=None, newest_first=True,
               projection=None, start=None, consistent=False, decode=True):
        """One Query call; returns (items, LastEvaluatedKey), decoded unless told not to."""
        values = {":pk": {"S": pk}}
        condition = "pk = :pk"
        if low is not None and high is not None:
            condition += " AND sk BETWEEN :low AND :high"
            values.update({":low": {"S": low}, ":high": {"S": high}})
        elif low is not None:
            condition += " AND sk >= :low"
            values[":low"] = {"S": low}
        elif high is not None:
            condition += " AND sk <= :high"
            values[":high"] = {"S": high}
        kwargs = {"KeyConditionExpression": condition, "ExpressionAttributeValues": values,
                  "ScanIndexForward": not newest_first, "ConsistentRead": consistent}
        if limit:
            kwargs["Limit"] = limit
        if projection:
            kwargs["ProjectionExpression"] = ", ".join(f"#p{i}" for i in range(len(projection)))
            kwargs["ExpressionAttributeNames"] = {f"#p{i}": name
                                                  for i, name in enumerate(projection)}
        if start:
            kwargs["ExclusiveStartKey"] = start
        response = self._call("query", **kwargs)
        items = response.get("Items", [])
        return ([self._decode(item) for item in items] if decode else items,
                response.get("LastEvaluatedKey"))

    def _query_all(self, pk, **kwargs):
        items, start = self._query(pk, **kwargs)
        while start:
            more, start = self._query(pk, start=start, **kwargs)
            items.extend(more)
        return items

    def _batch_write(self, requests):
        from botocore.exceptions import BotoCoreError, ClientError

        for offset in range(0, len(requests), BATCH_WRITE):
            pending = {self.table: requests[offset:offset + BATCH_WRITE]}
            for attempt in range(8):
                try:
                    response = self._db.batch_write_item(RequestItems=pending)
                except (ClientError, BotoCoreError) as error:
                    raise StorageUnavailable(f"DynamoDB batch_write_item: {error}") from error
                pending = response.get("UnprocessedItems") or {}
                if not pending:
                    break
                import time

                time.sleep(min(0.05 * 2 ** attempt, 1.0))
            else:
                raise StorageUnavailable("DynamoDB kept items unprocessed")

    def _batch_get(self, keys, projection=None):
        from botocore.exceptions import BotoCoreError, ClientError

        found = []
        for offset in range(0, len(keys), BATCH_GET):
            request = {"Keys": [self._encode(key) for key in keys[offset:offset + BATCH_GET]]}
            if projection:
                request["ProjectionExpression"] = ", ".join(
                    f"#p{i}" for i in range(len(projection)))
                request["ExpressionAttributeNames"] = {f"#p{i}": name
                                                       for i, name in enumerate(projection)}
            pending = {self.table: request}
            while pending:
                try:
                    response = self._db.batch_get_item(RequestItems=pending)
                except (ClientError, BotoCoreError) as error:
                    raise StorageUnavailable(f"DynamoDB batch_get_item: {error}") from error
                found.extend(self._decode(item)
                             for item in response.get("Responses", {}).get(self.table, []))
                pending = response.get("UnprocessedKeys") or {}
        return found

    # -- site settings and state -------------------------------------------

    def site_state(self):
        """The site item: settings JSON, version, total and scheduled posts."""
        response = self._call("get_item", Key=self._encode(SITE_KEY))
        item = self._decode(response["Item"]) if "Item" in response else {}
        return {"config": item.get("config", ""), "version": item.get("version", 0),
                "total": item.get("total", 0), "scheduled": item.get("scheduled", {})}

    def ensure_site_item(self):
        """Create the site item's counters if missing (idempotent)."""
        if self._site_ready:
            return
        self._call("update_item", Key=self._encode(SITE_KEY),
                   UpdateExpression="SET scheduled = if_not_exists(scheduled, :empty), "
                                    "version = if_not_exists(version, :zero), "
                                    "#total = if_not_exists(#total, :zero)",
                   ExpressionAttributeNames={"#total": "total"},
                   ExpressionAttributeValues={":empty": {"M": {}}, ":zero": {"N": "0"}})
        self._site_ready = True

    def save_site_config(self, config_json):
        """Store the settings and bump the version so every cache refreshes."""
        self.ensure_site_item()
        self._call("update_item", Key=self._encode(SITE_KEY),
                   UpdateExpression="SET config = :config ADD version :one",
                   ExpressionAttributeValues={":config": {"S": config_json},
                                              ":one": {"N": "1"}})

    # -- reading posts -------------------------------------------------------

    def listing(self, partition, page, per_page, now, low=None, high=None):
        """Page ``page`` (1-based) of a listing, newest first, and whether more follow.

        Only entries dated up to ``now`` are seen, so scheduled posts appear on
        time by themselves. Earlier pages are skipped with a keys-only query.
        """
        upper = f"{timestamp(now)}#{HIGHEST}"
        if high is not None:
            upper = min(upper, high)
        lower = low or "0"
        if lower > upper:
            return [], False
        start = None
        skip = (page - 1) * per_page
        while skip > 0:
            keys, start = self._query(partition, low=lower, high=upper, limit=skip,
                                      projection=("pk", "sk"), start=start)
            skip -= len(keys)
            if skip > 0 and not start:
                return [], False
        if page > 1 and start is None:
            return [], False
        items, _ = self._query(partition, low=lower, high=upper, limit=per_page + 1,
                               start=start)
        return [entry_from_item(item) for item in items[:per_page]], len(items) > per_page

    def post(self, kind, slug):
        """The whole post or page named ``slug``, or None."""
        items = self._query_all(f"{kind.upper()}#{slug}", newest_first=False)
        head = next((item for item in items if item["sk"] == "meta"), None)
        if head is None:
            return None
        prefix = f"body#{head['rev']:06d}#"
        chunks = sorted((item for item in items if item["sk"].startswith(prefix)),
                        key=lambda item: item["sk"])
        if len(chunks) != head.get("chunks", 0):
            log.error("%s %s: body has %d of %d chunks", kind, slug, len(chunks),
                      head.get("chunks", 0))
            return None
        body = zlib.decompress(b"".join(chunk["data"] for chunk in chunks)).decode("utf-8")
        entry = entry_from_item(head, kind=kind)
        return Post(**entry.__dict__, body=Markup(body), toc=Markup(head.get("toc", "")),
                    show_toc=head.get("show_toc", False))

    def neighbours(self, entry, now):
        """(older, newer) published posts around ``entry``, each an Entry or None."""
        older_job = Background(lambda: self._query(ALL, high=_just_below(entry.sort_key),
                                                   limit=1)[0])
        newer, _ = self._query(ALL, low=entry.sort_key + "\x00",
                               high=f"{timestamp(now)}#{HIGHEST}", limit=1,
                               newest_first=False)
        older = older_job.result()
        return (entry_from_item(older[0]) if older else None,
                entry_from_item(newer[0]) if newer else None)

    def entries_by_keys(self, sort_keys):
        """Listing entries for the given sort keys, in that order."""
        items = self._batch_get([{"pk": ALL, "sk": key} for key in sort_keys])
        by_key = {item["sk"]: entry_from_item(item) for item in items}
        return [by_key[key] for key in sort_keys if key in by_key]

    def bodies(self, entries):
        """Rendered bodies of ``entries`` (for full-text feeds), by slug."""
        keys = [{"pk": f"POST#{entry.slug}", "sk": f"body#{entry.revision:06d}#{n:04d}"}
                for entry in entries for n in range(entry.chunks)]
        parts = {}
        for item in self._batch_get(keys):
            parts.setdefault(item["pk"][5:], []).append(item)
        return {slug: Markup(zlib.decompress(b"".join(
                    chunk["data"] for chunk in sorted(chunks, key=lambda c: c["sk"])
                )).decode("utf-8")) for slug, chunks in parts.items()}

    def published_keys(self, now):
        """(slug, date, updated) of every published post, newest first (sitemap)."""
        items = self._query_all(ALL, high=f"{timestamp(now)}#{HIGHEST}",
                                projection=("slug", "date", "updated"))
        return [(item["slug"], parse_timestamp(item["date"]),
                 parse_timestamp(item.get("updated"))) for item in items]

    def sidebar(self, scheduled, now, recent_count):
        """Counts, months and pages (one Query) and the newest posts (one Query, alongside)."""
        future = [entry for entry in scheduled.values() if entry.get("d", "") > timestamp(now)]
        minus = {}
        for entry in future:
            for kind, names in (("tag", entry.get("t", [])), ("cat", entry.get("c", []))):
                for slug in names:
                    minus[f"{kind}#{slug}"] = minus.get(f"{kind}#{slug}", 0) + 1
            minus[f"month#{entry.get('m')}"] = minus.get(f"month#{entry.get('m')}", 0) + 1
        data = SidebarData()
        recent = Background(lambda: self.listing(ALL, 1, recent_count, now)[0]) \
            if recent_count else None
        for item in self._query_all(AGG, newest_first=False):
            kind, _, name = item["sk"].partition("#")
            if kind == "page":
                data.pages.append((item.get("title", name), name))
                continue
            count = item.get("count", 0) - minus.get(item["sk"], 0)
            if count <= 0:
                continue
            if kind == "tag":
                data.tags.append((item.get("name", name), name, count))
            elif kind == "cat":
                data.categories.append((item.get("name", name), name, count))
            elif kind == "month":
                year, month = name.split("-")
                data.months.append((int(year), int(month), count))
        data.tags.sort(key=lambda tag: tag[0].lower())
        data.categories.sort(key=lambda cat: cat[0].lower())
        data.months.sort(reverse=True)
        data.pages.sort(key=lambda page: page[0].lower())
        if recent is not None:
            data.recent = recent.result()
        return data

    def label_name(self, kind, slug):
        """The display name of a tag or category slug, or None if unused."""
        response = self._call("get_item", Key=self._encode({"pk": AGG, "sk": f"{kind}#{slug}"}))
        if "Item" not in response:
            return None
        item = self._decode(response["Item"])
        return item.get("name") if item.get("count", 0) > 0 else None

    def search(self, terms, now, total):
        """Sort keys of posts containing every term, best match first."""
        def posting(term):
            # Raw items: a common word has thousands, and the generic decoder is slow.
            items = self._query_all(f"TERM#{term}", projection=("sk", "w"), decode=False)
            return {item["sk"]["S"]: float(item["w"]["N"]) for item in items}

        terms = terms[:MAX_QUERY_TERMS]
        if not terms:
            return []
        jobs = [Background(lambda term=term: posting(term)) for term in terms[1:]]
        postings = [posting(terms[0])] + [job.result() for job in jobs]
        if not all(postings):
            return []
        cutoff = f"{timestamp(now)}#{HIGHEST}"
        candidates = set.intersection(*(set(posting) for posting in postings))
        scores = {}
        for key in candidates:
            if key > cutoff:
                continue
            scores[key] = sum(posting[key] * math.log(1 + max(total, 1) / len(posting))
                              for posting in postings)
        return sorted(scores, key=lambda key: (scores[key], key), reverse=True)

    def sources(self):
        """(kind, slug) of every indexed post (scheduled ones too) and page."""
        posts = {("post", item["slug"]) for item in self._query_all(ALL, projection=("slug",))}
        pages = {("page", item["sk"][len("page#"):]) for item in self._query_all(
            AGG, low="page#", high="page#" + HIGHEST, projection=("sk",))}
        return sorted(posts | pages)

    def errors(self):
        """Every recorded content error: [{key, reason, line, at}]."""
        return self._query_all("ERROR", newest_first=False)

    # -- writing -------------------------------------------------------------

    def head(self, kind, slug):
        """The stored metadata item of a post or page (consistent read), or None."""
        response = self._call("get_item", Key=self._encode({"pk": f"{kind.upper()}#{slug}",
                                                            "sk": "meta"}),
                              ConsistentRead=True)
        return self._decode(response["Item"]) if "Item" in response else None

    def upsert(self, document, source_etag, source_modified, tz):
        """Publish ``document`` (a content.Document); raise Conflict on a race."""
        self.ensure_site_item()
        kind, slug = document.kind, document.slug
        old = self.head(kind, slug)
        revision = (old["rev"] + 1) if old else 1
        pk = f"{kind.upper()}#{slug}"
        body = zlib.compress(document.body_html.encode("utf-8"), 6)
        chunks = [body[offset:offset + CHUNK_BYTES]
                  for offset in range(0, len(body), CHUNK_BYTES)] or [b""]
        self._batch_write([{"PutRequest": {"Item": self._encode(
            {"pk": pk, "sk": f"body#{revision:06d}#{n:04d}", "data": chunk})}}
            for n, chunk in enumerate(chunks)])

        listing = {
            "slug": slug, "title": document.title, "date": timestamp(document.date),
            "updated": timestamp(document.updated) if document.updated else None,
            "author": document.author, "tags": _label_items(document.tags),
            "cats": _label_items(document.categories), "summary": document.summary_html,
            "desc": document.description, "words": document.words, "rev": revision,
            "chunks": len(chunks),
        }
        new_sk = sort_key(document.date, slug)
        weights = term_weights(document.title, [name for name, _ in
                                                document.tags + document.categories],
                               document.text) if kind == "post" else {}
        head = dict(listing, pk=pk, sk="meta", kind=kind,
                    toc=document.toc_html, show_toc=document.show_toc, etag=source_etag,
                    modified=timestamp(source_modified), list_sk=new_sk,
                    month=month_of(document.date, tz), terms=sorted(weights))
        actions = [self._head_put(head, old)]
        if kind == "post":
            actions.extend(self._aggregate_deltas(old, head))
            actions.append(self._site_update(slug, old, head))
        else:
            actions.append({"Put": {"TableName": self.table, "Item": self._encode(
                {"pk": AGG, "sk": f"page#{slug}", "title": document.title})}})
            actions.append(self._version_bump())
        self._call_transaction(actions)

        if kind == "post":
            self._sync_listings(old, head, listing, weights)
        if old:
            self._delete_chunks(pk, old)
        return revision

    def remove(self, kind, slug):
        """Take a post or page out of the index; True if it was there."""
        self.ensure_site_item()
        old = self.head(kind, slug)
        if old is None:
            return False
        pk = f"{kind.upper()}#{slug}"
        actions = [{"Delete": {"TableName": self.table,
                               "Key": self._encode({"pk": pk, "sk": "meta"}),
                               "ConditionExpression": "rev = :rev",
                               "ExpressionAttributeValues": {":rev": {"N": str(old["rev"])}}}}]
        if kind == "post":
            actions.extend(self._aggregate_deltas(old, None))
        else:
            actions.append({"Delete": {"TableName": self.table,
                                       "Key": self._encode({"pk": AGG, "sk": f"page#{slug}"})}})
        actions.append(self._site_update(slug, old, None) if kind == "post"
                       else self._version_bump())
        self._call_transaction(actions)
        if kind == "post":
            self._sync_listings(old, None, None, {})
        self._delete_chunks(pk, old)
        return True

    def record_error(self, key, reason, line=None):
        """Remember why ``key`` could not be published."""
        self._call("put_item", Item=self._encode({
            "pk": "ERROR", "sk": key, "reason": reason, "line": line,
            "at": timestamp(datetime.now(timezone.utc))}))

    def clear_error(self, key):
        """Forget a recorded error for ``key``."""
        self._call("delete_item", Key=self._encode({"pk": "ERROR", "sk": key}))

    def _call_transaction(self, actions):
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self._db.transact_write_items(TransactItems=actions)
        except ClientError as error:
            code = error.response.get("Error", {}).get("Code", "")
            reasons = [reason.get("Code") for reason in
                       error.response.get("CancellationReasons", []) or []]
            if code == "TransactionCanceledException" and (
                    "ConditionalCheckFailed" in reasons or "TransactionConflict" in reasons):
                raise Conflict(str(reasons)) from error
            raise StorageUnavailable(f"DynamoDB transact_write_items: {error}") from error
        except BotoCoreError as error:
            raise StorageUnavailable(f"DynamoDB transact_write_items: {error}") from error

    def _head_put(self, head, old):
        put = {"TableName": self.table, "Item": self._encode(head)}
        if old:
            put["ConditionExpression"] = "rev = :rev"
            put["ExpressionAttributeValues"] = {":rev": {"N": str(old["rev"])}}
        else:
            put["ConditionExpression"] = "attribute_not_exists(pk)"
        return {"Put": put}

    def _aggregate_deltas(self, old, new):
        """ADD updates that move tag, category and month counts from old to new."""
        def contributions(head):
            if head is None:
                return {}
            found = {f"tag#{tag['s']}": tag["n"] for tag in head.get("tags", [])}
            found.update({f"cat#{cat['s']}": cat["n"] for cat in head.get("cats", [])})
            found[f"month#{head['month']}"] = None
            return found

        before, after = contributions(old), contributions(new)
        actions = []
        for key in sorted(set(before) | set(after)):
            delta = (key in after) - (key in before)
            name = after.get(key) or before.get(key)
            if delta == 0 and (name is None or before.get(key) == after.get(key)):
                continue
            update = {"TableName": self.table,
                      "Key": self._encode({"pk": AGG, "sk": key}),
                      "UpdateExpression": "ADD #count :delta",
                      "ExpressionAttributeNames": {"#count": "count"},
                      "ExpressionAttributeValues": {":delta": {"N": str(delta)}}}
            if name is not None:
                update["UpdateExpression"] += " SET #name = :name"
                update["ExpressionAttributeNames"]["#name"] = "name"
                update["ExpressionAttributeValues"][":name"] = {"S": name}
            actions.append({"Update": update})
        return actions

    def _version_bump(self):
        return {"Update": {"TableName": self.table, "Key": self._encode(SITE_KEY),
                           "UpdateExpression": "ADD version :one",
                           "ExpressionAttributeValues": {":one": {"N": "1"}}}}

    def _site_update(self, slug, old, new):
        """Bump the version; keep the total and the scheduled map in step."""
        names = {"#slug": slug, "#total": "total"}
        values = {":one": {"N": "1"}}
        expression = "ADD version :one"
        delta = (new is not None) - (old is not None)
        if delta:
            expression += ", #total :delta"
            values[":delta"] = {"N": str(delta)}
        if new is not None and new["date"] > timestamp(datetime.now(timezone.utc)):
            entry = {"d": new["date"], "m": new["month"],
                     "t": [tag["s"] for tag in new["tags"]],
                     "c": [cat["s"] for cat in new["cats"]]}
            expression += " SET scheduled.#slug = :entry"
            values[":entry"] = self._ser.serialize(entry)
        else:
            expression += " REMOVE scheduled.#slug"
        if "#total" not in expression:
            names.pop("#total")
        return {"Update": {"TableName": self.table, "Key": self._encode(SITE_KEY),
                           "UpdateExpression": expression,
                           "ExpressionAttributeNames": names,
                           "ExpressionAttributeValues": values}}

    def _sync_listings(self, old, new, listing, weights):
        """Move listing and search entries from the old head's keys to the new."""
        def listing_keys(head):
            if head is None:
                return set()
            keys = {(ALL, head["list_sk"])}
            keys |= {(f"LIST#tag#{tag['s']}", head["list_sk"]) for tag in head.get("tags", [])}
            keys |= {(f"LIST#cat#{cat['s']}", head["list_sk"]) for cat in head.get("cats", [])}
            return keys

        def term_keys(head):
            if head is None:
                return set()
            return {(f"TERM#{term}", head["list_sk"]) for term in head.get("terms", [])}

        old_keys = listing_keys(old) | term_keys(old)
        new_listing = listing_keys(new)
        new_terms = term_keys(new)
        requests = []
        for pk, sk in sorted(old_keys - new_listing - new_terms):
            requests.append({"DeleteRequest": {"Key": self._encode({"pk": pk, "sk": sk})}})
        for pk, sk in sorted(new_listing):
            requests.append({"PutRequest": {"Item": self._encode(dict(listing, pk=pk, sk=sk))}})
        for pk, sk in sorted(new_terms):
            requests.append({"PutRequest": {"Item": self._encode(
                {"pk": pk, "sk": sk, "w": Decimal(str(weights[pk[5:]]))})}})
        self._batch_write(requests)

    def _delete_chunks(self, pk, old):
        count = old.get("chunks", 0)
        self._batch_write([{"DeleteRequest": {"Key": self._encode(
            {"pk": pk, "sk": f"body#{old['rev']:06d}#{n:04d}"})}} for n in range(count)])


def _just_below(key):
    """The largest string sorting before ``key`` closely enough for BETWEEN/<=."""
    return key[:-1] + chr(ord(key[-1]) - 1) + HIGHEST



def create_table(dynamodb_client, name):
    """Create the index table (on-demand, point-in-time recovery); True if created."""
    from botocore.exceptions import ClientError

    try:
        dynamodb_client.create_table(
            TableName=name, BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                  {"AttributeName": "sk", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                       {"AttributeName": "sk", "KeyType": "RANGE"}])
    except ClientError as error:
        if error.response["Error"]["Code"] == "ResourceInUseException":
            return False
        raise StorageUnavailable(f"DynamoDB create_table {name}: {error}") from error
    dynamodb_client.get_waiter("table_exists").wait(TableName=name)
    return True
