from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'page.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'page.html')
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
    l_0_page = resolve('page')
    l_0_site = resolve('site')
    pass
    yield escape(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'title'))
    yield ' – '
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title'))

def block_body_class(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'page'

def block_og_title(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_page = resolve('page')
    pass
    yield escape(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'title'))

def block_content(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_page = resolve('page')
    pass
    l_1_crumb = environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'title')
    pass
    template = environment.get_template('_breadcrumb.html', 'page.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'crumb': l_1_crumb}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_crumb = missing
    yield '<article class="entry page">\n  <header class="entry-header"><h1 class="entry-title">'
    yield escape(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'title'))
    yield '</h1></header>\n'
    if (environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'show_toc') and environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'toc')):
        pass
        yield '<nav class="toc" aria-label="Contents">'
        yield escape(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'toc'))
        yield '</nav>'
    yield '  <div class="entry-content">'
    yield escape(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'body'))
    yield '</div>\n</article>\n'

blocks = {'title': block_title, 'body_class': block_body_class, 'og_title': block_og_title, 'content': block_content}
debug_info = '1=12&2=17&3=31&4=41&5=52&6=63&8=71&9=73&10=79'