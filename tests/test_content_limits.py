"""Hostile and careless sources: every limit refuses with a clear message, nothing crashes.

Pure unit tests of the one validator (``parse_document``, ``parse_site_yaml``) that
``blog check``, the indexer and ``blog config push`` share; no AWS involved.
"""
import unicodedata
from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chalicelib.content import (check_markdown_cost, classify_key, parse_date, parse_document,
                                unknown_keys_like_known)
from chalicelib.errors import ContentError, InvalidSiteConfig
from chalicelib.limits import (MAX_LABELS_PER_KIND, MAX_NESTING, MAX_SOURCE_BYTES,
                               MAX_SUMMARY_HTML_BYTES, MAX_TITLE_CHARS)
from chalicelib.models import parse_timestamp, sort_key, timestamp
from chalicelib.site import SiteSettings, parse_site_yaml
from chalicelib.text import is_safe_link

SITE = SiteSettings(title="T", author="Site Author", timezone="Europe/Stockholm")
RAW_SITE = SiteSettings(title="T", author="Site Author", raw_html=True)
UPLOADED = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
GOOD_SITE_YAML = "site:\n  title: My Blog\n"


def parse(text, key="posts/sample-post.md", site=SITE):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_document(data, key, UPLOADED, site)


def refusal(text, **kwargs):
    with pytest.raises(ContentError) as error:
        parse(text, **kwargs)
    return error.value


# -- finding 1: every stored date round-trips ---------------------------------------

@pytest.mark.parametrize("written", ["0026-11-22", "0999-06-01", "10000-01-01", "0001-01-01"])
def test_a_year_outside_1000_to_9999_is_refused_as_a_likely_typo(written):
    error = refusal(f"---\ntitle: Typo\nupdated: {written}\n---\nBody\n")
    assert error.line == 3 and "'updated' is not a date" in error.reason


def test_the_refused_year_is_named_in_the_message():
    error = refusal("---\ndate: 0026-11-22\n---\nBody\n")
    assert "year 26 is out of range" in error.reason


@pytest.mark.parametrize("year", [1, 26, 999, 1000, 2026, 9999])
def test_timestamps_have_four_digit_years_and_read_back(year):
    moment = datetime(year, 2, 3, 4, 5, 6, tzinfo=timezone.utc)
    assert timestamp(moment)[:5] == f"{year:04d}-"
    assert parse_timestamp(timestamp(moment)) == moment


def test_an_unpadded_timestamp_stored_by_an_older_version_still_reads():
    assert parse_timestamp("26-11-22T00:00:00Z") == datetime(26, 11, 22, tzinfo=timezone.utc)


@settings(max_examples=200, deadline=None)
@given(st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59)),
       st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59)))
def test_every_timestamp_round_trips_and_sorts_as_time_does(first, second):
    first, second = (moment.replace(microsecond=0, tzinfo=timezone.utc)
                     for moment in (first, second))
    assert parse_timestamp(timestamp(first)) == first
    assert (sort_key(first, "a") < sort_key(second, "a")) == (first < second)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_date_text_is_read_or_refused_with_a_value_error(text):
    try:
        moment = parse_date(text, SITE.tzinfo)
    except (ValueError, OverflowError):
        return
    assert parse_timestamp(timestamp(moment)) == moment


# -- finding 4: the post HTML policy --------------------------------------------------

HOSTILE_BODY = """Hello <script>alert(1)</script> world.

<iframe src="https://evil.example"></iframe>

<img src="/media/x.jpg" onerror="alert(2)">

[click](javascript:alert(3)) and <a href="JaVaScRiPt:alert(4)">this</a>

A paragraph with attributes.
{: onclick="alert(5)" class="note" }
"""


@pytest.mark.parametrize("part", ["body_html", "summary_html"])
def test_scripts_frames_events_and_javascript_urls_are_removed_from_posts(part):
    document = parse(f"---\ntitle: Sneaky\nsummary: 'Hi <script>alert(6)</script>"
                     f"<b onmouseover=alert(7)>x</b>'\n---\n{HOSTILE_BODY}")
    html = getattr(document, part).lower()
    for dangerous in ("<script", "<iframe", "onerror", "onclick", "onmouseover",
                      "javascript:", "alert("):
        assert dangerous not in html


def test_the_first_paragraph_summary_is_cleaned_too():
    document = parse('Hi <img src=x onerror="alert(1)"> there.\n\nMore.\n')
    assert "onerror" not in document.summary_html and "<img" in document.summary_html


def test_everything_markdown_writes_survives_cleaning():
    source = """[TOC]

# Head one

Text with a footnote[^1], an *HTML* abbreviation and `code`.

| left | right |
|:-----|------:|
| a    | b     |

```python
def f(x):
    return x
```

Term
:   Definition

![alt](/media/x.jpg){: width="10" height="20" }

*[HTML]: Hyper Text Markup Language

[^1]: The note.
"""
    html = parse(source).body_html
    for kept in ('<div class="toc">', '<h1 id="head-one">', 'class="footnote-ref" href="#fn:1"',
                 '<li id="fn:1">', 'class="footnote-backref" href="#fnref:1"',
                 '<abbr title="Hyper Text Markup Language">', 'class="align-right"',
                 '<div class="highlight"><pre tabindex="0" role="region" aria-label="Code">',
                 '<span class="k">def</span>', 'class="table-scroll"',
                 "<dt>Term</dt>", 'width="10"', 'src="/media/x.jpg"'):
        assert kept in html


def test_raw_html_true_keeps_the_authors_html_as_written():
    document = parse("Hello <iframe src=\"https://video.example\"></iframe>\n", site=RAW_SITE)
    assert '<iframe src="https://video.example"></iframe>' in document.body_html


# -- finding 6: YAML aliases and Markdown cost --------------------------------------

ALIAS_BOMB = "\n".join(["a: &a [x, x, x, x, x, x, x, x, x]"] +
                       [f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 9)}]"
                        for n in range(8)] + ["status: *i"])


def test_a_yaml_alias_bomb_in_front_matter_is_refused_before_it_expands():
    error = refusal(f"---\n{ALIAS_BOMB}\n---\nBody\n")
    assert "anchors (&name) are not allowed" in error.reason and error.line == 2


def test_a_plain_alias_is_refused_with_a_hint_to_quote():
    error = refusal("---\ntitle: *bold\n---\nBody\n")
    assert "aliases (*name) are not allowed; quote the value" in error.reason


def test_deeply_nested_yaml_is_refused():
    error = refusal("---\ntags: " + "[" * 200 + "]" * 200 + "\n---\nBody\n")
    assert f"nested more than {MAX_NESTING} levels deep" in error.reason


def test_a_yaml_alias_bomb_in_site_yaml_is_refused_with_its_line():
    with pytest.raises(InvalidSiteConfig) as error:
        parse_site_yaml(GOOD_SITE_YAML + "widgets:\n  x: &a [1]\n  y: *a\n")
    assert error.value.problems == [
        "line 4: YAML does not parse: anchors (&name) are not allowed; quote the value "
        "if you meant text starting with '&'"]


@pytest.mark.parametrize("body", [
    "[" * 16_000, "[a](" * 8_000, "![" * 8_000, "<a " * 8_000, "x <x\n\n" * 4_000,
    "[^" * 8_000, ("[" * 900 + "\n\n") * 20,
])
def test_inputs_that_make_markdown_quadratic_are_refused_before_rendering(body):
    error = refusal(body)
    assert "Markdown would take too long to render" in error.reason


@pytest.mark.parametrize("body", [
    "\n".join(" " * (4 * level) + "- item" for level in range(200)),
    "\n".join("> " * level + "- a" for level in range(500)),
    "- " * 1000 + "a",
    "<div>" * 10_000,
])
def test_deep_nesting_is_refused_before_it_can_recurse(body):
    error = refusal(body)
    assert "nested" in error.reason and error.line >= 1


def test_ordinary_links_brackets_and_html_pass_the_cost_check():
    paragraph = ("A [link](https://example.org/a) and <em>html</em>, [x], a < b, "
                 "(parenthesis) " * 8 + "\n\n")
    check_markdown_cost(paragraph * 2_000)
    check_markdown_cost("\n".join("    " * level + "- item" for level in range(MAX_NESTING - 1)))
    check_markdown_cost("```\n" + "[" * 100_000 + "\n```\n")  # code is not scanned


# -- finding 8: draft forms ------------------------------------------------------------

@pytest.mark.parametrize("front", [
    "draft: true", "draft: yes", "draft: y", "draft: 1", "draft: 'on'", "status: draft",
    "status: private", "status: pending", "status: Private", "published: false",
    "published: no",
])
def test_every_draft_form_keeps_a_post_unpublished(front):
    assert parse(f"---\n{front}\n---\nBody\n").draft is True


@pytest.mark.parametrize("front", ["draft: false", "draft: no", "status: publish",
                                   "status: published", "published: true"])
def test_the_published_forms_publish(front):
    assert parse(f"---\n{front}\n---\nBody\n").draft is False


@pytest.mark.parametrize("front, named", [("draft: maybe", "'draft' must be true or false"),
                                          ("published: 2026-01-01", "goes under 'date'"),
                                          ("status: sometimes", "'status' must be one of")])
def test_an_unclear_draft_form_is_an_error_naming_the_line(front, named):
    error = refusal(f"---\ntitle: T\n{front}\n---\nBody\n")
    assert named in error.reason and error.line == 3


# -- finding 11: validation gaps ------------------------------------------------------

@pytest.mark.parametrize("text", ["", "   \n\n", "\ufeff"])
def test_an_empty_file_is_an_error_not_a_post_titled_empty(text):
    assert refusal(text, key="posts/empty.md").reason == "the file is empty"


def test_a_slug_that_differs_from_the_file_name_is_refused_with_the_fix():
    error = refusal("---\nslug: other-name\n---\nBody\n")
    assert "rename the file to other-name.md" in error.reason and error.line == 2


def test_a_slug_equal_to_the_file_name_is_accepted():
    assert parse("---\nslug: sample-post\n---\nBody\n").slug == "sample-post"


def test_a_decomposed_file_name_is_the_same_slug_as_the_composed_one():
    decomposed = unicodedata.normalize("NFD", "posts/café.md")
    assert decomposed != "posts/café.md"
    assert classify_key(decomposed).slug == classify_key("posts/café.md").slug == "café"


def test_a_title_longer_than_the_limit_is_refused():
    error = refusal(f"---\ntitle: {'x' * (MAX_TITLE_CHARS + 1)}\n---\nBody\n")
    assert f"at most {MAX_TITLE_CHARS}" in error.reason and error.line == 2
    error = refusal(f"# {'y' * 300_000}\n\nBody\n")
    assert "first heading" in error.reason


def test_a_source_larger_than_the_limit_is_refused_before_parsing():
    error = refusal(b"x" * (MAX_SOURCE_BYTES + 1))
    assert "at most 1,000,000" in error.reason


def test_too_many_tags_are_refused():
    tags = ", ".join(f"t{n}" for n in range(MAX_LABELS_PER_KIND + 1))
    assert "too many tags" in refusal(f"---\ntags: {tags}\n---\nBody\n").reason


def test_a_huge_first_paragraph_becomes_a_short_plain_summary():
    document = parse("word " * 150_000 + "\n")
    assert len(document.summary_html.encode()) < MAX_SUMMARY_HTML_BYTES
    assert document.summary_html.startswith("<p>word word") and document.words == 150_000


def test_a_huge_table_of_contents_is_refused_when_shown():
    headings = "".join(f"## Heading number {n}\n\n" for n in range(3000))
    assert "table of contents is too large" in refusal(f"---\ntoc: true\n---\n{headings}").reason
    assert parse(headings).toc_html == ""  # not shown, not stored


@pytest.mark.parametrize("typo, known", [("titel", "title"), ("Title", "title"),
                                         ("tag", "tags"), ("summery", "summary"),
                                         ("categoreis", "categories"), ("auhtor", "author"),
                                         ("cats", "categories"), ("dates", "date")])
def test_near_miss_keys_get_a_did_you_mean(typo, known):
    assert unknown_keys_like_known({typo: "x"}) == [(typo, known)]


def test_unrelated_unknown_keys_are_kept_and_ignored_quietly():
    assert unknown_keys_like_known({"layout": "x", "image_credit": "y"}) == []


@pytest.mark.parametrize("url", ["/\\evil.example/", "//evil.example", "/\t/evil.example",
                                 "javascript:alert(1)", "http://", "https:///path", "#top",
                                 "data:text/html,x", " https://example.org"])
def test_links_that_leave_the_site_in_disguise_are_refused(url):
    assert not is_safe_link(url)
    widgets = {"sidebar": [{"type": "links", "links": [{"title": "x", "url": url}]}]}
    import yaml

    with pytest.raises(InvalidSiteConfig):
        parse_site_yaml(GOOD_SITE_YAML + yaml.safe_dump({"widgets": widgets}))


@pytest.mark.parametrize("url", ["https://example.org", "http://example.org:8080/a?b=c",
                                 "/pages/about", "/", "mailto:me@example.org"])
def test_ordinary_links_are_accepted(url):
    assert is_safe_link(url)


@pytest.mark.parametrize("base_url", ["http://", "https://", "https:///x", "ftp://example.org",
                                      "https://exa mple.org", "https://example.org/?q=1",
                                      "https://user@example.org"])
def test_a_base_url_without_a_plain_host_is_refused_at_push(base_url):
    with pytest.raises(InvalidSiteConfig) as error:
        parse_site_yaml(f"site:\n  title: T\n  base_url: '{base_url}'\n")
    assert "site.base_url" in error.value.problems[0]


def test_raw_html_is_a_boolean_site_setting_off_by_default():
    assert parse_site_yaml(GOOD_SITE_YAML).settings.raw_html is False
    assert parse_site_yaml(GOOD_SITE_YAML + "  raw_html: true\n").settings.raw_html is True
    with pytest.raises(InvalidSiteConfig):
        parse_site_yaml(GOOD_SITE_YAML + "  raw_html: sometimes\n")


# -- properties: any front matter or body is published or refused clearly --------------

FRONT_VALUES = st.one_of(st.text(max_size=30), st.integers(), st.booleans(), st.none(),
                         st.lists(st.text(max_size=10), max_size=5))
FRONT_KEYS = st.sampled_from(["title", "date", "updated", "tags", "categories", "summary",
                              "draft", "status", "published", "author", "slug", "toc",
                              "titel", "x"])


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(FRONT_KEYS, FRONT_VALUES, max_size=6),
       st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_front_matter_and_body_are_published_or_refused_with_a_reason(meta, body):
    import yaml

    source = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n{body}"
    try:
        document = parse(source)
    except ContentError as error:
        assert error.reason and (error.line is None or error.line >= 1)
        return
    assert parse_timestamp(timestamp(document.date)) == document.date
    assert len(document.title) <= MAX_TITLE_CHARS
    assert "<script" not in document.body_html.lower()


MARKDOWN_PIECES = st.sampled_from(["[", "]", "(", ")", "](", "<", ">", "<a ", "<div>", "</div>",
                                   "*", "_", "`", "```\n", "> ", "- ", "    ", "\n", "\n\n",
                                   "# ", "word ", "[^1]", "{: #x }", "&amp;", "|", "---\n"])


@settings(max_examples=150, deadline=None)
@given(st.lists(MARKDOWN_PIECES, max_size=300).map("".join))
def test_any_markdown_body_renders_or_is_refused_never_crashes(body):
    try:
        parse(body or "x")
    except ContentError as error:
        assert error.reason


# -- `blog check` reports what the indexer would refuse -------------------------------

def test_blog_check_reports_every_finding_with_file_and_line(tmp_path):
    from blog_cli.checking import check_paths

    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "typo-year.md").write_text("---\ntitle: T\nupdated: 0026-11-22\n---\nBody\n")
    (posts / "unsure.md").write_text("---\ntitle: T\ndraft: maybe\n---\nBody\n")
    (posts / "misspelt.md").write_text("---\ntitel: T\n---\nBody\n")
    (posts / "empty.md").write_text("")
    (posts / unicodedata.normalize("NFD", "café.md")).write_text("Fine.\n")
    report = check_paths([tmp_path])
    text = "\n".join(report.problems)
    assert f"{posts / 'typo-year.md'}:3: 'updated' is not a date" in text
    assert f"{posts / 'unsure.md'}:3: 'draft' must be true or false, not 'maybe'" in text
    assert (f"{posts / 'misspelt.md'}:2: unknown key 'titel' is ignored "
            "(did you mean 'title'?)") in text
    assert f"{posts / 'empty.md'}:1: the file is empty" in text
    assert "café" not in text and len(report.problems) == 4
