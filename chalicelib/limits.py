"""Every size and depth limit the engine enforces, in one place.

Each limit keeps one hostile or careless input from costing the whole site:
a source larger than ``MAX_SOURCE_BYTES`` is refused before it is parsed,
deep nesting is refused before Markdown recurses, and stored fields stay far
below DynamoDB's 400 KB item limit. The README's "Limits" section lists them.
"""

MAX_SOURCE_BYTES = 1_000_000        # one post or page file (S3 object): 4-9 s to render here, in a 30 s Lambda
MAX_TITLE_CHARS = 200               # title (and author) of a post or page
MAX_LABEL_CHARS = 100               # one tag or category name
MAX_LABELS_PER_KIND = 40            # tags per post, and categories per post
MAX_SUMMARY_CHARS = 2_000           # a `summary:` written in front matter
MAX_SUMMARY_HTML_BYTES = 16_000     # a summary taken from the body; longer ones are cut to text
MAX_TOC_HTML_BYTES = 64_000         # a table of contents shown with `toc: true`
MAX_NESTING = 32                    # lists and block quotes in Markdown, collections in YAML
MAX_HTML_NESTING = 100              # raw HTML elements open inside each other
MAX_INLINE_SCAN = 4_000_000         # Markdown's bracket scanning work (see content.py)
MAX_ALIASES = 50                    # `aliases:` (old addresses) of one post or page
MAX_ALIAS_CHARS = 500               # one alias (a DynamoDB sort key holds 1,024 bytes)
MAX_SEARCH_QUERY_CHARS = 200        # a search query is cut to this length
MIN_YEAR, MAX_YEAR = 1000, 9999     # dates outside these years are typos, and do not sort
