<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows an Atom or RSS feed opened in a browser as a page that explains feeds. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="UTF-8" indent="yes"
      doctype-system="about:legacy-compat"/>
  <xsl:variable name="title" select="/atom:feed/atom:title | /rss/channel/title"/>
  <xsl:variable name="home" select="/atom:feed/atom:link[@rel='alternate']/@href | /rss/channel/link"/>
  <xsl:template match="/">
    <html lang="{(/atom:feed/@xml:lang | /rss/channel/language)[1]}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <link rel="stylesheet" href="{{ stylesheet }}"/>
        <link rel="icon" href="{{ icon }}" type="image/svg+xml"/>
      </head>
      <body class="feed-preview">
        <div class="site">
          <header class="masthead site-header">
            <p class="site-title"><a href="{$home}"><xsl:value-of select="$title"/></a></p>
            <p class="site-tagline">This is a web feed. Copy its address into a feed reader
              to get every new post, with no account and no tracking.</p>
          </header>
          <main class="content" id="content">
            <h1 class="page-title">Subscribe to <xsl:value-of select="$title"/></h1>
            <p>Paste this address into a feed reader (NetNewsWire, Feedly, Thunderbird,
              NewsBlur, Inoreader, or the reader built into your browser or e-mail app):</p>
            <p><code class="feed-address"><xsl:value-of select="(/atom:feed/atom:link[@rel='self']/@href | /rss/channel/atom:link[@rel='self']/@href)[1]"/></code></p>
            <h2>Latest posts</h2>
            <ul class="feed-entries">
              <xsl:for-each select="/atom:feed/atom:entry | /rss/channel/item">
                <li>
                  <a href="{atom:link/@href | link}"><xsl:value-of select="atom:title | title"/></a>
                  <xsl:text> </xsl:text>
                  <span class="count">
                    <xsl:choose>
                      <xsl:when test="atom:published"><xsl:value-of select="substring(atom:published, 1, 10)"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="substring(pubDate, 6, 11)"/></xsl:otherwise>
                    </xsl:choose>
                  </span>
                </li>
              </xsl:for-each>
            </ul>
            <p><a href="{$home}">← Back to the blog</a></p>
          </main>
        </div>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
