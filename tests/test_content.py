"""Front matter, dates, summaries and Markdown: every form the contract names."""
from datetime import datetime, timezone

import pytest

from chalicelib.content import classify_key, parse_document
from chalicelib.errors import ContentError
from chalicelib.site import SiteSettings

STOCKHOLM = SiteSettings(title="T", author="Site Author", timezone="Europe/Stockholm")
UPLOADED = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)


def parse(text, key="posts/sample-post.md", settings=STOCKHOLM):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_document(data, key, UPLOADED, settings)


@pytest.mark.parametrize("written, expected", [
    ("2026-05-04", datetime(2026, 5, 3, 22, 0, tzinfo=timezone.utc)),
    ("2026-05-04 09:30", datetime(2026, 5, 4, 7, 30, tzinfo=timezone.utc)),
    ("2026-05-04 09:30:15", datetime(2026, 5, 4, 7, 30, 15, tzinfo=timezone.utc)),
    ("'2026-01-10 09:30'", datetime(2026, 1, 10, 8, 30, tzinfo=timezone.utc)),
    ("2026-07-02T18:15:00+02:00", datetime(2026, 7, 2, 16, 15, tzinfo=timezone.utc)),
    ("2026-07-02T18:15:00Z", datetime(2026, 7, 2, 18, 15, tzinfo=timezone.utc)),
])
def test_every_date_form_is_read_in_the_site_timezone(written, expected):
    assert parse(f"---\ndate: {written}\n---\nBody\n").date == expected


def test_a_post_without_a_date_is_dated_by_its_upload():
    assert parse("Body only\n").date == UPLOADED


@pytest.mark.parametrize("alias", ["updated", "modified", "lastmod"])
def test_updated_and_its_aliases(alias):
    document = parse(f"---\ndate: 2026-05-01\n{alias}: 2026-05-02 10:00\n---\nBody\n")
    assert document.updated == datetime(2026, 5, 2, 8, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("field, value", [("date", "yesterday"), ("date", "2026-13-01"),
                                          ("updated", "2026-02-30"),
                                          ("date", "05/04/2026")])
def test_a_date_that_is_not_a_date_names_the_line(field, value):
    with pytest.raises(ContentError) as error:
        parse(f"---\ntitle: Fine\n{field}: {value}\n---\nBody\n")
    assert error.value.line == 3
    assert field in error.value.reason


def test_title_defaults_to_the_first_heading_which_leaves_the_body():
    document = parse("# A Heading Title\n\nFirst words.\n")
    assert document.title == "A Heading Title"
    assert "<h1" not in document.body_html
    assert "First words." in document.body_html


def test_title_defaults_to_the_slug_in_words():
    assert parse("Just text.\n", key="posts/my-first_post.md").title == "My first post"


def test_author_defaults_to_the_site_author():
    assert parse("Text\n").author == "Site Author"
    assert parse("---\nauthor: Guest Writer\n---\nText\n").author == "Guest Writer"


@pytest.mark.parametrize("front", [
    "tags: [Python, AWS Lambda]\ncategories: [Dev Notes]",
    "tags: Python, AWS Lambda\ncategory: Dev Notes",
    "tags:\n  - Python\n  - AWS Lambda\ncategories: Dev Notes",
])
def test_tags_and_categories_as_lists_or_comma_strings(front):
    document = parse(f"---\n{front}\n---\nBody\n")
    assert document.tags == [("Python", "python"), ("AWS Lambda", "aws-lambda")]
    assert document.categories == [("Dev Notes", "dev-notes")]


def test_a_single_number_is_one_tag_and_a_mapping_is_refused():
    assert parse("---\ntags: 2026\n---\nBody\n").tags == [("2026", "2026")]
    with pytest.raises(ContentError, match="'tags' must be a list"):
        parse("---\ntags: {a: 1}\n---\nBody\n")


def test_tag_slugs_keep_symbols_apart():
    document = parse("---\ntags: C++, C#, C, Café\n---\nBody\n")
    assert [slug for _, slug in document.tags] == ["c-plus-plus", "c-sharp", "c", "cafe"]


@pytest.mark.parametrize("name", ["summary", "description"])
def test_summary_and_its_alias(name):
    document = parse(f"---\n{name}: A *short* summary.\n---\nFirst paragraph.\n")
    assert document.summary_html == "<p>A <em>short</em> summary.</p>"
    assert document.description == "A short summary."


def test_summary_is_the_text_before_the_more_marker():
    document = parse("Intro one.\n\nIntro two.\n\n<!-- more -->\n\nThe rest.\n")
    assert "Intro one." in document.summary_html and "Intro two." in document.summary_html
    assert "The rest." not in document.summary_html
    assert "The rest." in document.body_html


def test_summary_defaults_to_the_first_paragraph():
    document = parse("First *paragraph*.\n\nSecond paragraph.\n")
    assert document.summary_html == "<p>First <em>paragraph</em>.</p>"


@pytest.mark.parametrize("front", ["draft: true", "status: draft", "draft: yes"])
def test_drafts_are_marked(front):
    assert parse(f"---\n{front}\n---\nBody\n").draft is True


def test_unknown_keys_are_kept_and_ignored():
    document = parse("---\ntitle: Known\nmood: sunny\nTitle: Shouting\n---\nBody\n")
    assert document.title == "Known"


def test_front_matter_that_does_not_parse_names_the_line():
    with pytest.raises(ContentError) as error:
        parse("---\ntitle: ok\ntags: [unclosed\n---\nBody\n")
    assert error.value.line >= 3
    assert "front matter does not parse" in error.value.reason


def test_front_matter_that_is_never_closed():
    with pytest.raises(ContentError, match="never closed"):
        parse("---\ntitle: x\nBody\n")


def test_front_matter_must_be_a_mapping():
    with pytest.raises(ContentError, match="mapping"):
        parse("---\n- a\n- b\n---\nBody\n")


def test_bytes_that_are_not_utf8_name_the_line():
    with pytest.raises(ContentError) as error:
        parse(b"---\ntitle: ok\n---\nfine\nbad \xff\xfe byte\n")
    assert error.value.line == 5
    assert "UTF-8" in error.value.reason


def test_a_byte_order_mark_is_accepted():
    assert parse("\ufeff---\ntitle: BOM\n---\nBody\n").title == "BOM"


@pytest.mark.parametrize("key, problem", [
    ("posts/photo.jpg", "not a Markdown file"),
    ("posts/notes.txt", "not a Markdown file"),
    ("posts/2026/nested.md", "nested"),
    ("posts/../secret.md", "nested"),
    ("posts/.hidden.md", "file name"),
    ("posts/has space.md", "file name"),
    ("drafts/x.md", "not under"),
])
def test_keys_that_name_no_post(key, problem):
    with pytest.raises(ContentError, match=problem):
        classify_key(key)


def test_pages_and_posts_are_told_apart():
    assert classify_key("pages/about.md").kind == "page"
    assert classify_key("posts/hello-world.md").slug == "hello-world"


def test_fenced_code_is_highlighted_with_css_classes():
    document = parse("```python\ndef greet():\n    return 'hi'\n```\n")
    assert '<div class="highlight">' in document.body_html
    assert '<span class="k">def</span>' in document.body_html


def test_tables_footnotes_and_table_of_contents():
    text = ("[TOC]\n\n## First\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
            "Claim.[^1]\n\n## Second\n\n[^1]: The source.\n")
    document = parse(text)
    assert "<table>" in document.body_html and "<td>1</td>" in document.body_html
    assert 'class="footnote"' in document.body_html
    assert 'class="toc"' in document.body_html and 'href="#first"' in document.body_html


def test_quotes_are_left_as_written():
    document = parse('He said "hello" -- it\'s fine...\n')
    assert "&quot;hello&quot;" in document.body_html or '"hello"' in document.body_html
    assert "it's" in document.body_html and "--" in document.body_html
    assert "\u201c" not in document.body_html and "\u2019" not in document.body_html
