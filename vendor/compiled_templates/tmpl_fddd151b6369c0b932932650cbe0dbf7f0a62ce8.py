from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'base.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_menu = resolve('menu')
    l_0_site = resolve('site')
    l_0_description = resolve('description')
    l_0_canonical = resolve('canonical')
    l_0_url = resolve('url')
    l_0_assets = resolve('assets')
    l_0_paths = resolve('paths')
    l_0_extra_feeds = resolve('extra_feeds')
    l_0_absolute = resolve('absolute')
    l_0_structured_data = resolve('structured_data')
    l_0_bare = resolve('bare')
    l_0_areas = resolve('areas')
    l_0_area_names = resolve('area_names')
    l_0_widgets = l_0_nav_menu = missing
    try:
        t_1 = environment.filters['default']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'default' found.")
    try:
        t_2 = environment.filters['json_ld']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'json_ld' found.")
    try:
        t_3 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    pass
    l_0_widgets = context.vars['widgets'] = environment.get_template('widgets.html', 'base.html').make_module(context.get_all(), True, {'nav_menu': l_0_nav_menu, 'widgets': l_0_widgets})
    context.exported_vars.discard('widgets')
    l_0_nav_menu = ((undefined(name='menu') if l_0_menu is missing else l_0_menu) if t_3((undefined(name='menu') if l_0_menu is missing else l_0_menu)) else [])
    context.vars['nav_menu'] = l_0_nav_menu
    context.exported_vars.add('nav_menu')
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'language'))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>'
    yield from context.blocks['title'][0](context)
    yield '</title>\n<meta name="description" content="'
    yield escape((undefined(name='description') if l_0_description is missing else l_0_description))
    yield '">\n<meta name="color-scheme" content="light dark">\n<meta name="theme-color" content="#ffffff" media="(prefers-color-scheme: light)">\n<meta name="theme-color" content="#0f1318" media="(prefers-color-scheme: dark)">\n'
    if (undefined(name='canonical') if l_0_canonical is missing else l_0_canonical):
        pass
        yield '<link rel="canonical" href="'
        yield escape((undefined(name='canonical') if l_0_canonical is missing else l_0_canonical))
        yield '">\n'
    yield '<link rel="stylesheet" href="'
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='assets') if l_0_assets is missing else l_0_assets), 'stylesheet')))
    yield '">\n<link rel="icon" href="'
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='assets') if l_0_assets is missing else l_0_assets), 'icon')))
    yield '" type="image/svg+xml">\n<link rel="alternate" type="application/atom+xml" title="'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title'))
    yield ' (Atom)" href="'
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='paths') if l_0_paths is missing else l_0_paths), 'ATOM')))
    yield '">\n<link rel="alternate" type="application/rss+xml" title="'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title'))
    yield ' (RSS)" href="'
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='paths') if l_0_paths is missing else l_0_paths), 'RSS')))
    yield '">\n'
    for l_1_feed in (undefined(name='extra_feeds') if l_0_extra_feeds is missing else l_0_extra_feeds):
        _loop_vars = {}
        pass
        yield '<link rel="alternate" type="application/atom+xml" title="'
        yield escape(environment.getattr(l_1_feed, 'title'))
        yield '" href="'
        yield escape(environment.getattr(l_1_feed, 'href'))
        yield '">\n'
    l_1_feed = missing
    yield '<meta property="og:site_name" content="'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title'))
    yield '">\n<meta property="og:title" content="'
    yield from context.blocks['og_title'][0](context)
    yield '">\n<meta property="og:type" content="'
    yield from context.blocks['og_type'][0](context)
    yield '">\n<meta property="og:url" content="'
    yield escape(((undefined(name='canonical') if l_0_canonical is missing else l_0_canonical) or context.call((undefined(name='absolute') if l_0_absolute is missing else l_0_absolute), environment.getattr((undefined(name='paths') if l_0_paths is missing else l_0_paths), 'HOME'))))
    yield '">\n<meta property="og:description" content="'
    yield escape((((undefined(name='description') if l_0_description is missing else l_0_description) or environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'tagline')) or environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title')))
    yield '">\n<meta name="twitter:card" content="summary">\n'
    for l_1_item in t_1((undefined(name='structured_data') if l_0_structured_data is missing else l_0_structured_data), []):
        _loop_vars = {}
        pass
        yield '<script type="application/ld+json">'
        yield escape(t_2(l_1_item))
        yield '</script>\n'
    l_1_item = missing
    yield from context.blocks['head'][0](context)
    yield '</head>\n<body class="'
    yield from context.blocks['body_class'][0](context)
    yield '">\n<a class="skip-link" href="#content">Skip to content</a>\n<div class="site">\n<div class="masthead">\n<header class="site-header">\n'
    yield from context.blocks['site_title'][0](context)
    if environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'tagline'):
        pass
        yield '<p class="site-tagline">'
        yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'tagline'))
        yield '</p>'
    if (undefined(name='nav_menu') if l_0_nav_menu is missing else l_0_nav_menu):
        pass
        yield '  <nav class="site-nav" aria-label="Menu">\n    <ul>\n'
        for l_1_item in (undefined(name='nav_menu') if l_0_nav_menu is missing else l_0_nav_menu):
            _loop_vars = {}
            pass
            yield '      <li><a href="'
            yield escape(environment.getattr(l_1_item, 'url'))
            yield '"'
            if environment.getattr(l_1_item, 'current'):
                pass
                yield ' aria-current="page"'
            yield '>'
            yield escape(environment.getattr(l_1_item, 'title'))
            yield '</a></li>\n'
        l_1_item = missing
        yield '    </ul>\n  </nav>\n'
    yield '</header>\n'
    if (not (undefined(name='bare') if l_0_bare is missing else l_0_bare)):
        pass
        yield escape(context.call(environment.getattr((undefined(name='widgets') if l_0_widgets is missing else l_0_widgets), 'render_area'), 'header-sidebar', (undefined(name='areas') if l_0_areas is missing else l_0_areas), (undefined(name='area_names') if l_0_area_names is missing else l_0_area_names), (undefined(name='site') if l_0_site is missing else l_0_site)))
    yield '</div>\n<div class="site-body">\n<main class="content" id="content">\n'
    yield from context.blocks['content'][0](context)
    yield '</main>\n'
    yield from context.blocks['sidebar'][0](context)
    yield '</div>\n'
    if (not (undefined(name='bare') if l_0_bare is missing else l_0_bare)):
        pass
        yield escape(context.call(environment.getattr((undefined(name='widgets') if l_0_widgets is missing else l_0_widgets), 'render_area'), 'footer', (undefined(name='areas') if l_0_areas is missing else l_0_areas), (undefined(name='area_names') if l_0_area_names is missing else l_0_area_names), (undefined(name='site') if l_0_site is missing else l_0_site), 'footer-widgets'))
    yield '<footer class="site-footer">\n'
    yield from context.blocks['footer'][0](context)
    yield '</footer>\n</div>\n</body>\n</html>'

def block_title(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_site = resolve('site')
    pass
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title'))

def block_og_title(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_self = TemplateReference(context)
    _block_vars = {}
    pass
    yield escape(context.call(environment.getattr(l_0_self, 'title'), _block_vars=_block_vars))

def block_og_type(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'website'

def block_head(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_body_class(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'blog'

def block_site_title(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_url = resolve('url')
    l_0_paths = resolve('paths')
    l_0_site = resolve('site')
    pass
    yield '<p class="site-title"><a href="'
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='paths') if l_0_paths is missing else l_0_paths), 'HOME'), _block_vars=_block_vars))
    yield '" rel="home">'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title'))
    yield '</a></p>'

def block_content(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_sidebar(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_bare = resolve('bare')
    l_0_widgets = resolve('widgets')
    l_0_areas = resolve('areas')
    l_0_area_names = resolve('area_names')
    l_0_site = resolve('site')
    pass
    if (not (undefined(name='bare') if l_0_bare is missing else l_0_bare)):
        pass
        yield escape(context.call(environment.getattr((undefined(name='widgets') if l_0_widgets is missing else l_0_widgets), 'render_area'), 'sidebar', (undefined(name='areas') if l_0_areas is missing else l_0_areas), (undefined(name='area_names') if l_0_area_names is missing else l_0_area_names), (undefined(name='site') if l_0_site is missing else l_0_site), _block_vars=_block_vars))

def block_footer(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_site = resolve('site')
    l_0_url = resolve('url')
    l_0_paths = resolve('paths')
    pass
    yield '  <p class="colophon">&copy; '
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title'))
    if environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'author'):
        pass
        yield ' · '
        yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'author'))
    yield ' · <a href="'
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='paths') if l_0_paths is missing else l_0_paths), 'ATOM'), _block_vars=_block_vars))
    yield '">Atom</a> · <a href="'
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='paths') if l_0_paths is missing else l_0_paths), 'RSS'), _block_vars=_block_vars))
    yield '">RSS</a></p>\n'

blocks = {'title': block_title, 'og_title': block_og_title, 'og_type': block_og_type, 'head': block_head, 'body_class': block_body_class, 'site_title': block_site_title, 'content': block_content, 'sidebar': block_sidebar, 'footer': block_footer}
debug_info = '1=43&2=45&4=49&8=51&9=53&13=55&14=58&16=61&17=63&18=65&19=69&20=73&21=77&23=83&24=85&25=87&26=89&27=91&29=93&30=97&32=100&34=102&39=104&40=105&41=110&44=113&45=117&51=128&55=132&57=134&61=136&63=140&8=143&24=154&25=165&32=175&34=184&39=194&55=211&57=220&58=233&63=237&64=249'