"""`blog import wordpress`: WXR exports the project writes itself, to a content folder."""
import json
import shutil
from datetime import datetime, timezone

import pytest
import yaml
from click.testing import CliRunner

from blog_cli.checking import check_paths
from blog_cli.main import cli
from blog_cli.sitefile import read_site_file
from blog_cli.wordpress_autop import wpautop
from blog_cli.wordpress_html import convert
from chalicelib.content import parse_document, split_front_matter
from chalicelib.site import SiteSettings
from tests.helpers import DATA

WXR = DATA / "wxr"
FULL = WXR / "full-1.2.xml"
UPLOADS = WXR / "uploads"
SITE = SiteSettings(title="Imported", timezone="Etc/GMT-2", author="Nobody")
MODIFIED = datetime(2026, 1, 1, tzinfo=timezone.utc)


def run(*args):
    """`blog ARGS...`; a failure must be a clean exit, never a traceback."""
    result = CliRunner().invoke(cli, [str(arg) for arg in args])
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), result.output
    return result


def import_into(out, *extra, export=FULL):
    result = run("import", "wordpress", export, "--out", out, *extra)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The full fixture imported once, with its uploads folder."""
    out = tmp_path_factory.mktemp("imported") / "blog"
    result = import_into(out, "--uploads", UPLOADS)
    return out, result.output


def document(out, key):
    """A produced file as the engine reads it (the parser of `blog serve`/`publish`)."""
    return parse_document((out / key).read_bytes(), key, MODIFIED, SITE)


def meta(out, key):
    front, _body, _line = split_front_matter((out / key).read_text(encoding="utf-8"))
    return front


def body(out, key):
    return split_front_matter((out / key).read_text(encoding="utf-8"))[1]


def produced(out):
    return sorted(str(path.relative_to(out)) for path in out.rglob("*")
                  if path.is_file() and path.name != ".wordpress-import.json")


# -- what becomes a file ----------------------------------------------------------

def test_every_post_and_page_becomes_a_file_the_blog_parses_as_it_is(imported):
    out, _output = imported
    posts = sorted(path.name for path in (out / "posts").iterdir())
    pages = sorted(path.name for path in (out / "pages").iterdir())
    assert posts == sorted([
        "practical-russo-japanese-co-operation.md", "a-block-editor-post.md", "東京の港.md",
        "harbour-lights.md", "harbour-lights-2.md", "notes-towards-a-draft.md",
        "awaiting-review.md", "members-only.md", "next-years-voyage.md",
        "behind-a-password.md"])
    assert pages == ["about.md", "history.md", "page-draft.md"]
    for kind, names in (("posts", posts), ("pages", pages)):
        for name in names:
            assert document(out, f"{kind}/{name}").title


def test_blog_check_finds_no_problem_in_the_imported_folder(imported):
    out, _output = imported
    report = check_paths([out])
    assert report.ok, report.problems
    assert report.checked == 14   # 13 posts and pages, and site.yaml


def test_a_published_post_keeps_title_dates_author_terms_summary_and_old_addresses(imported):
    out, _output = imported
    key = "posts/practical-russo-japanese-co-operation.md"
    post = document(out, key)
    assert post.title == "Practical Russo-Japanese Co-operation"
    assert post.date == datetime(2004, 11, 28, 15, 30, tzinfo=timezone.utc)
    assert post.updated == datetime(2005, 1, 2, 8, 0, tzinfo=timezone.utc)
    assert post.author == "Hiro Kawa"
    assert post.categories == [("History", "history"), ("Ports & Ships", "ports-and-ships")]
    assert post.tags == [("Japan", "japan")]
    assert "ended a war" in post.summary_html
    assert not post.draft
    front = meta(out, key)
    assert front["date"] == "2004-11-28T17:30:00+02:00"   # the author's hour, with its offset
    assert front["aliases"] == ["/2004/11/28/practical-russo-japanese-co-operation/", "/?p=10"]
    assert meta(out, "pages/about.md")["aliases"] == ["/about/", "/?page_id=30"]


@pytest.mark.parametrize("key", ["posts/notes-towards-a-draft.md", "posts/awaiting-review.md",
                                 "posts/members-only.md", "posts/behind-a-password.md",
                                 "pages/page-draft.md"])
def test_drafts_pending_private_and_password_protected_items_stay_hidden(imported, key):
    out, _output = imported
    assert meta(out, key)["draft"] is True
    assert document(out, key).draft


def test_a_scheduled_post_keeps_its_future_date_and_is_not_a_draft(imported):
    out, output = imported
    post = document(out, "posts/next-years-voyage.md")
    assert post.date == datetime(2099, 1, 1, 7, 0, tzinfo=timezone.utc)
    assert not post.draft
    assert "scheduled: 1" in output


def test_a_draft_without_a_gmt_date_is_dated_in_the_sites_timezone(imported):
    out, _output = imported
    assert meta(out, "posts/notes-towards-a-draft.md")["date"] == "2020-05-01 09:00:00"
    # In the site's timezone (UTC+2 here), 09:00 is 07:00 UTC.
    assert document(out, "posts/notes-towards-a-draft.md").date == \
        datetime(2020, 5, 1, 7, 0, tzinfo=timezone.utc)


def test_trash_auto_drafts_revisions_and_unknown_types_are_skipped_and_counted(imported):
    out, output = imported
    names = " ".join(produced(out))
    for absent in ("thrown-away", "auto-draft", "revision", "blue-mug", "shared-signature"):
        assert absent not in names
    assert "skipped: 1 auto-drafts, 1 items of type product, 1 revisions, 1 trashed" in output


def test_percent_encoded_non_ascii_slugs_become_readable_file_names(imported, tmp_path):
    out, _output = imported
    post = document(out, "posts/東京の港.md")
    assert (post.slug, post.title) == ("東京の港", "東京の港")
    assert meta(out, "posts/東京の港.md")["aliases"][0] == "/2020/03/01/東京の港/"
    other = tmp_path / "fr"
    import_into(other, export=WXR / "https-1.1.xml")
    assert document(other, "posts/café-crème.md").title == "Café crème"


def test_a_term_whose_address_changes_is_reported(imported):
    _out, output = imported
    assert "category 'Ports & Ships' moves from /category/ports-ships/ to " \
           "/categories/ports-and-ships" in output


def test_an_item_without_post_name_takes_its_slug_from_the_title(imported):
    out, _output = imported
    assert (out / "posts/notes-towards-a-draft.md").exists()
    assert (out / "pages/page-draft.md").exists()


def test_two_items_wanting_one_slug_are_both_kept_and_the_second_is_reported(imported):
    out, output = imported
    assert "first one" in body(out, "posts/harbour-lights.md")
    assert "second one" in body(out, "posts/harbour-lights-2.md")
    assert "slug taken: posts/harbour-lights-2.md (wanted 'harbour-lights'" in output
    assert meta(out, "posts/harbour-lights-2.md")["aliases"][0] == \
        "/2020/04/02/harbour-lights/"


# -- conversion -----------------------------------------------------------------

def test_classic_content_gets_wordpress_paragraphs_and_a_more_marker(imported):
    out, _output = imported
    text = body(out, "posts/practical-russo-japanese-co-operation.md")
    assert "The treaty was signed in **Portsmouth**.  \nIt ended the war.\n\n" in text
    assert "\n<!-- more -->\n" in text
    post = document(out, "posts/practical-russo-japanese-co-operation.md")
    assert post.body_html.count("<p>") >= 4


def test_captions_galleries_embeds_and_code_become_markdown(imported):
    out, _output = imported
    text = body(out, "posts/practical-russo-japanese-co-operation.md")
    assert "[![The harbour](/media/2020/01/harbour-300x225.png)](/media/2020/01/harbour.png)" \
        "\n\n*The harbour at dawn*" in text
    assert "![The harbour](/media/2020/01/harbour.png)\n\n![map](/media/2020/01/map.png)" in text
    assert "<https://www.youtube.com/watch?v=dQw4w9WgXcQ>" in text
    assert '```python\ndef dock(ship):\n    if ship.length < 200:\n        return "berth ]]> A"' \
           "\n```" in text
    assert "[caption" not in text and "[gallery" not in text and "[code" not in text


def test_a_shortcode_that_cannot_be_converted_stays_visible_and_is_reported(imported):
    out, output = imported
    post = document(out, "posts/practical-russo-japanese-co-operation.md")
    assert '[contact-form-7 id="12" title="Contact"]' in post.text
    assert "shortcodes left in the text: 1" in output
    assert "[contact-form-7] x1: posts/practical-russo-japanese-co-operation.md" in output


def test_block_editor_posts_lose_their_block_comments_and_keep_their_content(imported):
    out, _output = imported
    text = body(out, "posts/a-block-editor-post.md")
    assert "wp:" not in text
    assert "CDATA end in text: ]]> stays." in text
    assert "\n<!-- more -->\n" in text
    assert "<https://vimeo.com/76979871>" in text
    assert "```\nif (a < b) { return; }\n```" in text
    assert "Fair winds, **Hiro**." in text    # the reusable block, inlined
    assert "- first\n- second" in text


def test_links_to_old_posts_and_pages_point_at_their_new_addresses(imported):
    out, _output = imported
    text = body(out, "posts/practical-russo-japanese-co-operation.md")
    assert "[the about page](/pages/about)" in text
    assert "[the block post](/posts/a-block-editor-post)" in text


def test_wpautop_matches_wordpress_on_lines_paragraphs_and_blocks():
    assert wpautop("a\nb\n\nc") == "<p>a<br />\nb</p>\n<p>c</p>\n"
    assert wpautop("<div>x</div>\ny") == "<div>x</div>\n<p>y</p>\n"
    assert wpautop("<pre>keep\n\nthis</pre>") == "<pre>keep\n\nthis</pre>\n"
    assert wpautop("  \n ") == ""


def test_text_that_looks_like_markup_is_escaped_not_interpreted():
    converted = convert("1. not a list\n\n# not a heading\n\n&lt;script&gt; and a_b *c*")
    assert converted.markdown == "1\\. not a list\n\n\\# not a heading\n\n" \
                                 "&lt;script> and a\\_b \\*c\\*\n"


# -- media, comments, site.yaml ----------------------------------------------------

def test_uploads_are_copied_to_media_and_a_missing_one_is_reported(imported):
    out, output = imported
    for name in ("harbour.png", "harbour-300x225.png", "map.png"):
        assert (out / "media/2020/01" / name).read_bytes() == \
            (UPLOADS / "2020/01" / name).read_bytes()
    assert "2 copied to media/ (3 files in all), 1 missing" in output
    assert "missing: 2020/01/missing.jpg" in output
    text = body(out, "posts/practical-russo-japanese-co-operation.md")
    assert "https://old.example.com/wp-content/uploads/2020/01/missing.jpg" in text
    front = meta(out, "posts/practical-russo-japanese-co-operation.md")
    assert (front["image"], front["image_alt"]) == ("/media/2020/01/harbour.png", "The harbour")


def test_without_uploads_attachments_are_listed_and_links_left_alone(tmp_path):
    out = tmp_path / "blog"
    output = import_into(out).output
    assert not (out / "media").exists()
    assert "attachments: 3 listed, not copied" in output
    assert "https://old.example.com/wp-content/uploads/2020/01/harbour.png" in output
    text = body(out, "posts/practical-russo-japanese-co-operation.md")
    assert "(https://old.example.com/wp-content/uploads/2020/01/harbour.png)" in text
    assert "image" not in meta(out, "posts/practical-russo-japanese-co-operation.md")


def test_comments_are_kept_with_approved_pending_and_spam_apart(imported):
    out, output = imported
    saved = json.loads((out / "comments/practical-russo-japanese-co-operation.json")
                       .read_text(encoding="utf-8"))
    assert [c["author"] for c in saved["approved"]] == ["Reader One"]
    assert [c["author"] for c in saved["pending"]] == ["Reader Two"]
    assert [c["author"] for c in saved["spam"]] == ["Spammer"]
    assert saved["approved"][0]["content"] == "Great post about <em>Portsmouth</em>."
    assert saved["approved"][0]["date"] == "2004-11-29T09:00:00+02:00"
    assert saved["pending"][0]["parent"] == 101
    page = json.loads((out / "comments/about.json").read_text(encoding="utf-8"))
    assert (page["kind"], [c["author"] for c in page["approved"]]) == ("page", ["Visitor"])
    assert "comments: 2 approved, 1 pending, 1 spam, 0 trash" in output


def test_site_yaml_comes_from_the_channel_with_the_old_menu(imported):
    out, output = imported
    site = read_site_file(out / "site.yaml")
    assert site.settings.title == "Old Harbour Notes"
    assert site.settings.tagline == "Essays on ports & ships"
    assert site.settings.base_url == "https://old.example.com"
    assert site.settings.language == "en-GB"
    assert site.settings.timezone == "Etc/GMT-2"
    menu = [{"title": "About", "url": "/pages/about"},
            {"title": "History Posts", "url": "/categories/history"},
            {"title": "Elsewhere", "url": "https://example.org/friends"}]
    raw = yaml.safe_load((out / "site.yaml").read_text(encoding="utf-8"))
    assert raw["menu"] == menu
    assert "menu: 3 items of 'Main' (site.yaml as its menu)" in output


def test_an_existing_site_yaml_is_never_replaced(tmp_path):
    out = tmp_path / "blog"
    out.mkdir()
    (out / "site.yaml").write_text("site:\n  title: Mine\n", encoding="utf-8")
    output = import_into(out).output
    assert (out / "site.yaml").read_text(encoding="utf-8") == "site:\n  title: Mine\n"
    assert "site.yaml: already there, kept" in output


def test_several_timezone_offsets_are_reported_and_the_site_stays_on_utc(tmp_path):
    out = tmp_path / "blog"
    output = import_into(out, export=WXR / "wxr-1.0.xml").output
    assert read_site_file(out / "site.yaml").settings.timezone == "UTC"
    assert "several UTC offsets (-6 h, -5 h)" in output
    assert document(out, "posts/hello-world.md").date == \
        datetime(2007, 3, 4, 15, 0, tzinfo=timezone.utc)


# -- running it again ---------------------------------------------------------------

def test_a_second_run_changes_nothing_and_says_unchanged(tmp_path):
    out = tmp_path / "blog"
    import_into(out, "--uploads", UPLOADS)
    before = {name: (out / name).read_bytes() for name in produced(out)}
    output = import_into(out, "--uploads", UPLOADS).output
    assert {name: (out / name).read_bytes() for name in produced(out)} == before
    assert f"files: all {len(before)} unchanged" in output


def test_a_hand_edited_file_is_kept_unless_forced(tmp_path):
    out = tmp_path / "blog"
    import_into(out)
    edited = out / "posts/harbour-lights.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nMy own note.\n", encoding="utf-8")
    output = import_into(out).output
    assert "My own note." in edited.read_text(encoding="utf-8")
    assert "kept (changed by hand since the last import; --force overwrites): " \
           "posts/harbour-lights.md" in output
    output = import_into(out).output       # still recognised as edited on the next run
    assert "My own note." in edited.read_text(encoding="utf-8")
    import_into(out, "--force")
    assert "My own note." not in edited.read_text(encoding="utf-8")


def test_a_changed_export_updates_the_files_the_import_wrote(tmp_path):
    out = tmp_path / "blog"
    export = tmp_path / "export.xml"
    shutil.copy(FULL, export)
    import_into(out, export=export)
    export.write_text(FULL.read_text(encoding="utf-8").replace(
        "The first one to want this slug.", "Rewritten on the old site."), encoding="utf-8")
    output = import_into(out, export=export).output
    assert "Rewritten on the old site." in body(out, "posts/harbour-lights.md")
    assert "1 updated" in output


# -- every spelling of the format -------------------------------------------------

@pytest.mark.parametrize("export, key, title", [
    ("full-1.2.xml", "posts/harbour-lights.md", "Harbour Lights"),
    ("https-1.1.xml", "posts/café-crème.md", "Café crème"),
    ("wxr-1.0.xml", "posts/hello-world.md", "Hello world!"),
    ("bare-doctype.xml", "posts/plain.md", "Plain"),
])
def test_wxr_1_0_to_1_2_in_both_namespace_spellings_import(tmp_path, export, key, title):
    out = tmp_path / "blog"
    import_into(out, export=WXR / export)
    assert document(out, key).title == title


def test_wxr_1_0_categories_without_a_domain_and_tag_domain_are_read(tmp_path):
    out = tmp_path / "blog"
    import_into(out, export=WXR / "wxr-1.0.xml")
    post = document(out, "posts/hello-world.md")
    assert (post.categories, post.tags) == ([("General", "general")], [("first", "first")])
    assert post.author == "admin"    # no wp:author list in 1.0: the login stands


def test_control_characters_wordpress_let_in_are_removed_and_reported(tmp_path):
    out = tmp_path / "blog"
    output = import_into(out, export=WXR / "control-characters.xml").output
    assert "Plain text." in body(out, "posts/plain.md")
    assert "2 control characters that XML forbids were removed" in output


# -- hostile and broken files ------------------------------------------------------

@pytest.mark.parametrize("export, message", [
    ("xxe.xml", "declares XML entities (secret)"),
    ("billion-laughs.xml", "declares XML entities (lol, lol1"),
    ("external-dtd.xml", "names an external DTD"),
    ("truncated.xml", "not a well-formed XML file"),
    ("not-wordpress.xml", "not a WordPress export"),
])
def test_a_hostile_or_broken_file_is_refused_and_nothing_is_written(tmp_path, export, message):
    out = tmp_path / "blog"
    result = run("import", "wordpress", WXR / export, "--out", out)
    assert result.exit_code == 1
    assert message in result.output
    assert "nothing was written" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_a_refused_file_leaves_an_existing_folder_as_it_was(tmp_path):
    out = tmp_path / "blog"
    import_into(out)
    before = {name: (out / name).read_bytes() for name in produced(out)}
    result = run("import", "wordpress", WXR / "truncated.xml", "--out", out)
    assert result.exit_code == 1
    assert {name: (out / name).read_bytes() for name in produced(out)} == before


def test_the_xxe_file_never_reads_the_file_it_names(tmp_path):
    out = tmp_path / "blog"
    result = run("import", "wordpress", WXR / "xxe.xml", "--out", out)
    assert "root:" not in result.output


# -- served: import, load as `blog serve --content DIR` does, follow old links ----------

@pytest.fixture
def served(aws_env, tmp_path, monkeypatch):
    """The full export imported, loaded into moto by local mode's loader, and a client."""
    from chalice import local
    from chalice.test import Client
    from moto import mock_aws

    from app import app
    from blog_cli.local_mode import load_content
    from blog_cli.routing import GreedyProxyRouteMatcher
    from chalicelib.wiring import services
    from tests.helpers import PROJECT, STAGE

    out = tmp_path / "blog"
    import_into(out, "--uploads", UPLOADS)
    monkeypatch.setattr(local, "RouteMatcher", GreedyProxyRouteMatcher)
    with mock_aws():
        results = load_content(out, services())
        assert all(result.action in ("indexed", "draft", "ignored") for result in results), \
            results
        with Client(app, stage_name=STAGE, project_dir=str(PROJECT)) as client:
            yield client


def follow(client, old):
    moved = client.http.get(old)
    assert moved.status_code == 301, (old, moved.status_code)
    landed = client.http.get(moved.headers["Location"])
    assert landed.status_code == 200, moved.headers["Location"]
    return moved.headers["Location"], landed.body.decode("utf-8")


@pytest.mark.parametrize("old, new, title, date", [
    ("/2004/11/28/practical-russo-japanese-co-operation/",
     "/posts/practical-russo-japanese-co-operation", "Practical Russo-Japanese Co-operation",
     "November 28, 2004"),
    ("/?p=11", "/posts/a-block-editor-post", "A Block Editor Post", "February 1, 2020"),
    ("/2020/03/01/%e6%9d%b1%e4%ba%ac%e3%81%ae%e6%b8%af/",
     "/posts/%E6%9D%B1%E4%BA%AC%E3%81%AE%E6%B8%AF", "東京の港", "March 1, 2020"),
    ("/2020/04/02/harbour-lights/", "/posts/harbour-lights-2", "Harbour Lights",
     "April 2, 2020"),
])
def test_old_permalinks_of_an_imported_blog_lead_to_the_right_post_and_date(
        served, old, new, title, date):
    location, page = follow(served, old)
    assert location == new
    assert "<h1" in page and title in page
    assert date in page


@pytest.mark.parametrize("old, new, title", [
    ("/about/", "/pages/about", "About"),
    ("/?page_id=30", "/pages/about", "About"),
    ("/about/history/", "/pages/history", "Harbour History"),
    ("/category/history/", "/categories/history", "Practical Russo-Japanese Co-operation"),
    ("/tag/japan/", "/tags/japan", "Practical Russo-Japanese Co-operation"),
])
def test_old_page_and_term_addresses_of_an_imported_blog_redirect(served, old, new, title):
    location, page = follow(served, old)
    assert location == new
    assert title in page


@pytest.mark.parametrize("old", ["/?p=15", "/?p=16", "/2020/05/03/members-only/",
                                 "/2020/05/04/behind-a-password/", "/?p=18", "/?page_id=32",
                                 "/?p=20"])
def test_imported_drafts_private_scheduled_and_trashed_items_stay_hidden(served, old):
    assert served.http.get(old).status_code == 404


def test_the_imported_home_page_lists_published_posts_only(served):
    page = served.http.get("/").body.decode("utf-8")
    assert "A Block Editor Post" in page
    assert "Old Harbour Notes" in page          # the site.yaml the import suggested
    assert "History Posts" in page              # its menu, from the old nav menu
    for hidden in ("Notes Towards A Draft", "Members Only", "Behind A Password",
                   "Voyage", "Thrown Away"):
        assert hidden not in page
