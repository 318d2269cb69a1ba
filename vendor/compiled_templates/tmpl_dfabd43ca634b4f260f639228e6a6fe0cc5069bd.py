from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'feed.xsl'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_stylesheet = resolve('stylesheet')
    l_0_icon = resolve('icon')
    pass
    yield '<?xml version="1.0" encoding="UTF-8"?>\n<!-- Shows an Atom or RSS feed opened in a browser as a page that explains feeds. -->\n<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"\n    xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">\n  <xsl:output method="html" encoding="UTF-8" indent="yes"\n      doctype-system="about:legacy-compat"/>\n  <xsl:variable name="title" select="/atom:feed/atom:title | /rss/channel/title"/>\n  <xsl:variable name="home" select="/atom:feed/atom:link[@rel=\'alternate\']/@href | /rss/channel/link"/>\n  <xsl:template match="/">\n    <html lang="{(/atom:feed/@xml:lang | /rss/channel/language)[1]}">\n      <head>\n        <meta name="viewport" content="width=device-width, initial-scale=1"/>\n        <meta name="robots" content="noindex"/>\n        <title><xsl:value-of select="$title"/> (feed)</title>\n        <link rel="stylesheet" href="'
    yield escape((undefined(name='stylesheet') if l_0_stylesheet is missing else l_0_stylesheet))
    yield '"/>\n        <link rel="icon" href="'
    yield escape((undefined(name='icon') if l_0_icon is missing else l_0_icon))
    yield '" type="image/svg+xml"/>\n      </head>\n      <body class="feed-preview">\n        <div class="site">\n          <header class="masthead site-header">\n            <p class="site-title"><a href="{$home}"><xsl:value-of select="$title"/></a></p>\n            <p class="site-tagline">This is a web feed. Copy its address into a feed reader\n              to get every new post, with no account and no tracking.</p>\n          </header>\n          <main class="content" id="content">\n            <h1 class="page-title">Subscribe to <xsl:value-of select="$title"/></h1>\n            <p>Paste this address into a feed reader (NetNewsWire, Feedly, Thunderbird,\n              NewsBlur, Inoreader, or the reader built into your browser or e-mail app):</p>\n            <p><code class="feed-address"><xsl:value-of select="(/atom:feed/atom:link[@rel=\'self\']/@href | /rss/channel/atom:link[@rel=\'self\']/@href)[1]"/></code></p>\n            <h2>Latest posts</h2>\n            <ul class="feed-entries">\n              <xsl:for-each select="/atom:feed/atom:entry | /rss/channel/item">\n                <li>\n                  <a href="{atom:link/@href | link}"><xsl:value-of select="atom:title | title"/></a>\n                  <xsl:text> </xsl:text>\n                  <span class="count">\n                    <xsl:choose>\n                      <xsl:when test="atom:published"><xsl:value-of select="substring(atom:published, 1, 10)"/></xsl:when>\n                      <xsl:otherwise><xsl:value-of select="substring(pubDate, 6, 11)"/></xsl:otherwise>\n                    </xsl:choose>\n                  </span>\n                </li>\n              </xsl:for-each>\n            </ul>\n            <p><a href="{$home}">← Back to the blog</a></p>\n          </main>\n        </div>\n      </body>\n    </html>\n  </xsl:template>\n</xsl:stylesheet>'

blocks = {}
debug_info = '15=14&16=16'