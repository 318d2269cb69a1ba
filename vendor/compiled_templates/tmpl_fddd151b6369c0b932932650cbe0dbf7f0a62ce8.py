from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'base.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_site = resolve('site')
    l_0_canonical = resolve('canonical')
    l_0_url = resolve('url')
    l_0_paths = resolve('paths')
    l_0_extra_feeds = resolve('extra_feeds')
    l_0_bare = resolve('bare')
    l_0_areas = resolve('areas')
    l_0_area_names = resolve('area_names')
    l_0_widgets = missing
    pass
    l_0_widgets = context.vars['widgets'] = environment.get_template('widgets.html', 'base.html').make_module(context.get_all(), True, {'widgets': l_0_widgets})
    context.exported_vars.discard('widgets')
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'language'))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>'
    yield from context.blocks['title'][0](context)
    yield '</title>\n<meta name="description" content="'
    yield from context.blocks['description'][0](context)
    yield '">\n'
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
    template = environment.get_template('style.css', 'base.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'widgets': l_0_widgets}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('pygments.css', 'base.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'widgets': l_0_widgets}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '</style>\n'
    yield from context.blocks['head'][0](context)
    yield '</head>\n<body class="'
    yield from context.blocks['body_class'][0](context)
    yield '">\n<div class="site">\n<header class="site-header">\n  <div class="branding">\n    <p class="site-title"><a href="'
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='paths') if l_0_paths is missing else l_0_paths), 'HOME')))
    yield '" rel="home">'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title'))
    yield '</a></p>\n'
    if environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'tagline'):
        pass
        yield '<p class="site-tagline">'
        yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'tagline'))
        yield '</p>'
    yield '  </div>\n'
    if (not (undefined(name='bare') if l_0_bare is missing else l_0_bare)):
        pass
        yield escape(context.call(environment.getattr((undefined(name='widgets') if l_0_widgets is missing else l_0_widgets), 'render_area'), 'header-sidebar', (undefined(name='areas') if l_0_areas is missing else l_0_areas), (undefined(name='area_names') if l_0_area_names is missing else l_0_area_names), (undefined(name='site') if l_0_site is missing else l_0_site)))
    yield '</header>\n<div class="site-body">\n<main class="content" id="content">\n'
    yield from context.blocks['content'][0](context)
    yield '</main>\n'
    yield from context.blocks['sidebar'][0](context)
    yield '</div>\n<footer class="site-footer">\n'
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
    l_0_bare = resolve('bare')
    l_0_widgets = resolve('widgets')
    l_0_areas = resolve('areas')
    l_0_area_names = resolve('area_names')
    l_0_site = resolve('site')
    l_0_url = resolve('url')
    l_0_paths = resolve('paths')
    pass
    if (not (undefined(name='bare') if l_0_bare is missing else l_0_bare)):
        pass
        yield escape(context.call(environment.getattr((undefined(name='widgets') if l_0_widgets is missing else l_0_widgets), 'render_area'), 'footer', (undefined(name='areas') if l_0_areas is missing else l_0_areas), (undefined(name='area_names') if l_0_area_names is missing else l_0_area_names), (undefined(name='site') if l_0_site is missing else l_0_site), _block_vars=_block_vars))
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

blocks = {'title': block_title, 'description': block_description, 'head': block_head, 'body_class': block_body_class, 'content': block_content, 'sidebar': block_sidebar, 'footer': block_footer}
debug_info = '1=20&3=23&7=25&8=27&9=29&11=35&12=39&13=43&14=47&17=53&18=59&20=66&22=68&26=70&27=74&29=80&33=84&35=86&40=88&7=91&8=102&20=113&22=122&33=132&35=141&36=154&40=158&41=173&42=177'