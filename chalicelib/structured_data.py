"""schema.org JSON-LD for search engines: BlogPosting, BreadcrumbList, WebSite.

Each function returns plain data; the theme writes it into
``<script type="application/ld+json">`` with ``render.json_ld``, which escapes
``<``, ``>`` and ``&`` so no text in a post can close that element.
"""
from chalicelib import urls


def _iso(moment):
    return moment.isoformat() if moment else None


def blog_posting(post, settings, links):
    """A post: headline, dates, author, keywords and where it lives."""
    url = links.absolute(post.url)
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": _iso(post.date),
        "dateModified": _iso(post.updated or post.date),
        "author": {"@type": "Person", "name": post.author or settings.author or settings.title},
        "publisher": {"@type": "Organization", "name": settings.title,
                      "url": links.absolute(urls.HOME)},
        "keywords": [tag.name for tag in post.tags],
        "articleSection": [category.name for category in post.categories],
        "inLanguage": settings.language,
    }
    if post.description:
        data["description"] = post.description
    return data


def breadcrumbs(title, url, links):
    """Blog > title, as the page's breadcrumb shows it."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Blog",
             "item": links.absolute(urls.HOME)},
            {"@type": "ListItem", "position": 2, "name": title, "item": url},
        ],
    }


def website(settings, links):
    """The site, with the search box search engines may offer for it."""
    data = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.title,
        "url": links.absolute(urls.HOME),
        "inLanguage": settings.language,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint",
                       "urlTemplate": links.absolute(urls.SEARCH) + "?q={search_term_string}"},
            "query-input": "required name=search_term_string",
        },
    }
    if settings.tagline:
        data["description"] = settings.tagline
    return data
