"""Links in imported posts: uploads to /media/ paths, old permalinks to new URLs.

With an uploads folder (WordPress's ``wp-content/uploads``), every upload a
post refers to, and every attachment, is copied to the content folder's
``media/`` under the same relative path, and the post links it there. An
upload that is not in the folder keeps its old URL and is reported missing.
"""
import posixpath
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from chalicelib import redirects, urls

from blog_cli.wordpress_html import Links

UPLOADS_MARK = "/wp-content/uploads/"


def site_hosts(*urls):
    """The host names the old site answered on (with and without www.)."""
    hosts = set()
    for url in urls:
        host = urlsplit(url or "").netloc.lower()
        if host:
            bare = host[4:] if host.startswith("www.") else host
            hosts.update({bare, "www." + bare})
    return hosts


def upload_path(url, hosts):
    """The path of an upload relative to wp-content/uploads, or None if ``url`` is not one."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    if parts.netloc and parts.netloc.lower() not in hosts:
        return None
    position = parts.path.find(UPLOADS_MARK)
    if position == -1:
        return None
    return safe_relative(unquote(parts.path[position + len(UPLOADS_MARK):]))


def safe_relative(path):
    """``path`` if it stays inside its folder (no '..', not absolute), else None."""
    path = (path or "").replace("\\", "/").strip()
    pieces = path.split("/")
    if not path or path.startswith("/") or any(piece in ("", ".", "..") for piece in pieces):
        return None
    return posixpath.normpath(path)


class ImportLinks(Links):
    """Links for one import: knows every item's new address and the uploads folder."""

    def __init__(self, survey, slugs, folder, uploads=None):
        self.survey = survey
        self.slugs = slugs                  # post id -> (kind, slug)
        self.folder = folder
        self.uploads = Path(uploads).resolve() if uploads else None
        self.copied = set()                 # relative paths now under media/
        self.missing = set()                # relative paths not in the uploads folder
        self.referenced = set()             # relative paths seen, with or without uploads

    def media(self, relative):
        """'/media/<relative>' once the upload is in media/, else None (and noted)."""
        self.referenced.add(relative)
        if relative in self.copied:
            return "/media/" + quote(relative)
        if self.uploads is None or relative in self.missing:
            return None
        source = (self.uploads / relative).resolve()
        if not source.is_file() or self.uploads not in source.parents:
            self.missing.add(relative)
            return None
        self.folder.copy(f"media/{relative}", source)
        self.copied.add(relative)
        return "/media/" + quote(relative)

    def rewrite(self, url):
        """The new URL for an upload or an old permalink; anything else unchanged."""
        relative = upload_path(url, self.survey.hosts)
        if relative is not None:
            return self.media(relative) or url
        return self.new_address(url) or url

    def new_address(self, url):
        """The new site path an old address of the site stands for, or None."""
        try:
            parts = urlsplit(url.strip())
        except ValueError:
            return None
        if parts.scheme not in ("", "http", "https") or (
                parts.netloc and parts.netloc.lower() not in self.survey.hosts):
            return None
        if not parts.netloc and not parts.path.startswith("/") and not parts.query:
            return None   # a relative link or a fragment: nothing to map
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        for name in redirects.LOOKUP_QUERIES:
            value = query.get(name, "")
            if value.isdigit() and int(value) in self.slugs:
                return urls.document(*self.slugs[int(value)])
        post_id = self.survey.paths.get(redirects.alias_path(parts.path))
        if post_id in self.slugs:
            return urls.document(*self.slugs[post_id]) + (f"#{parts.fragment}"
                                                          if parts.fragment else "")
        # The old site's own forms (/category/x/, /feed/, /2004/...) as the blog answers them.
        return redirects.wordpress_form(parts.path, query)

    def attachment(self, attachment_id):
        """(url, alt) of an attachment, its upload moved to /media/ when possible."""
        found = self.survey.attachments.get(attachment_id)
        if not found:
            return None
        url = (self.media(found.relative) if found.relative else None) or found.url
        return url, found.alt

    def attached_to(self, post_id):
        """Attachment ids whose parent is ``post_id``, in menu order."""
        return self.survey.children.get(post_id, [])

    def reusable_block(self, block_id):
        """The content of a reusable block, if the export has it."""
        return self.survey.reusable.get(block_id)
