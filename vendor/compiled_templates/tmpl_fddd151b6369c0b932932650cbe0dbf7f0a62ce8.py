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
    l_0_canonical = resolve('canonical')
    l_0_url = resolve('url')
    l_0_paths = resolve('paths')
    l_0_extra_feeds = resolve('extra_feeds')
    l_0_bare = resolve('bare')
    l_0_areas = resolve('areas')
    l_0_area_names = resolve('area_names')
    l_0_widgets = l_0_nav_menu = missing
    try:
        t_1 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    pass
    l_0_widgets = context.vars['widgets'] = environment.get_template('widgets.html', 'base.html').make_module(context.get_all(), True, {'nav_menu': l_0_nav_menu, 'widgets': l_0_widgets})
    context.exported_vars.discard('widgets')
    l_0_nav_menu = ((undefined(name='menu') if l_0_menu is missing else l_0_menu) if t_1((undefined(name='menu') if l_0_menu is missing else l_0_menu)) else [])
    context.vars['nav_menu'] = l_0_nav_menu
    context.exported_vars.add('nav_menu')
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'language'))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>'
    yield from context.blocks['title'][0](context)
    yield '</title>\n<meta name="description" content="'
    yield from context.blocks['description'][0](context)
    yield '">\n<meta name="color-scheme" content="light dark">\n<meta name="theme-color" content="#ffffff" media="(prefers-color-scheme: light)">\n<meta name="theme-color" content="#0f1318" media="(prefers-color-scheme: dark)">\n'
    if (undefined(name='canonical') if l_0_canonical is missing else l_0_canonical):
        pass
        yield '<link rel="canonical" href="'
        yield escape((undefined(name='canonical') if l_0_canonical is missing else l_0_canonical))
        yield '">\n'
    yield '<link rel="alternate" type="application/atom+xml" title="'
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
    yield '<style>\n'
    template = environment.get_template('highlight.css', 'base.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'nav_menu': l_0_nav_menu, 'widgets': l_0_widgets}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('style.css', 'base.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'nav_menu': l_0_nav_menu, 'widgets': l_0_widgets}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '</style>\n'
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

def block_description(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_description = resolve('description')
    pass
    yield escape((undefined(name='description') if l_0_description is missing else l_0_description))

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

blocks = {'title': block_title, 'description': block_description, 'head': block_head, 'body_class': block_body_class, 'site_title': block_site_title, 'content': block_content, 'sidebar': block_sidebar, 'footer': block_footer}
debug_info = '1=27&2=29&4=33&8=35&9=37&13=39&15=45&16=49&17=53&18=57&21=63&22=69&24=76&26=78&31=80&32=81&33=86&36=89&37=93&43=104&47=108&49=110&53=112&55=116&8=119&9=130&24=141&26=150&31=160&47=177&49=186&50=199&55=203&56=215'