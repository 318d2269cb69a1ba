from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'list.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'list.html')
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
    l_0_heading = resolve('heading')
    l_0_pagination = resolve('pagination')
    l_0_site = resolve('site')
    pass
    yield escape((undefined(name='heading') if l_0_heading is missing else l_0_heading))
    if (environment.getattr((undefined(name='pagination') if l_0_pagination is missing else l_0_pagination), 'page') > 1):
        pass
        yield ' – Page '
        yield escape(environment.getattr((undefined(name='pagination') if l_0_pagination is missing else l_0_pagination), 'page'))
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
    yield 'archive'

def block_content(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_heading = resolve('heading')
    l_0_entries = resolve('entries')
    pass
    template = environment.get_template('_breadcrumb.html', 'list.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '<header class="page-header"><h1 class="page-title">'
    yield escape((undefined(name='heading') if l_0_heading is missing else l_0_heading))
    yield '</h1></header>\n'
    for l_1_entry in (undefined(name='entries') if l_0_entries is missing else l_0_entries):
        _loop_vars = {}
        pass
        template = environment.get_template('_summary.html', 'list.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'entry': l_1_entry}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    l_1_entry = missing
    template = environment.get_template('_pagination.html', 'list.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()

blocks = {'title': block_title, 'body_class': block_body_class, 'content': block_content}
debug_info = '1=12&2=17&3=36&4=46&5=56&6=63&7=65&8=68&10=75'