from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'home.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'home.html')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_title(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_site = resolve('site')
    l_0_pagination = resolve('pagination')
    pass
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title'))
    if environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'tagline'):
        pass
        yield ' – '
        yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'tagline'))
    if (environment.getattr((undefined(name='pagination') if l_0_pagination is missing else l_0_pagination), 'page') > 1):
        pass
        yield ' – Page '
        yield escape(environment.getattr((undefined(name='pagination') if l_0_pagination is missing else l_0_pagination), 'page'))

def block_body_class(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'home blog'

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
    yield '<h1 class="site-title"><a href="'
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='paths') if l_0_paths is missing else l_0_paths), 'HOME'), _block_vars=_block_vars))
    yield '" rel="home">'
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title'))
    yield '</a></h1>'

def block_content(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_entries = resolve('entries')
    pass
    t_1 = 1
    for l_1_entry in (undefined(name='entries') if l_0_entries is missing else l_0_entries):
        _loop_vars = {}
        pass
        template = environment.get_template('_summary.html', 'home.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'entry': l_1_entry}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        t_1 = 0
    l_1_entry = missing
    if t_1:
        pass
        yield '<section class="no-results"><h2>Nothing here yet</h2><p>No posts have been published. Upload a Markdown file to <code>posts/</code> to start.</p></section>\n'
    template = environment.get_template('_pagination.html', 'home.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()

blocks = {'title': block_title, 'body_class': block_body_class, 'site_title': block_site_title, 'content': block_content}
debug_info = '1=12&2=17&3=37&4=47&5=64&6=74&7=77&11=88'