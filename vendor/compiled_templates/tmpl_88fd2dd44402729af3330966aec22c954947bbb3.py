from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'search.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'search.html')
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
    l_0_searched = resolve('searched')
    l_0_query = resolve('query')
    l_0_site = resolve('site')
    pass
    if (undefined(name='searched') if l_0_searched is missing else l_0_searched):
        pass
        yield 'Search results for “'
        yield escape((undefined(name='query') if l_0_query is missing else l_0_query))
        yield '”'
    else:
        pass
        yield 'Search'
    yield ' – '
    yield escape(environment.getattr((undefined(name='site') if l_0_site is missing else l_0_site), 'title'))

def block_head(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield '<meta name="robots" content="noindex">'

def block_body_class(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'search'

def block_content(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_searched = resolve('searched')
    l_0_query = resolve('query')
    l_0_url = resolve('url')
    l_0_paths = resolve('paths')
    l_0_total = resolve('total')
    l_0_entries = resolve('entries')
    pass
    l_1_crumb = 'Search'
    pass
    template = environment.get_template('_breadcrumb.html', 'search.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'crumb': l_1_crumb}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_crumb = missing
    yield '<header class="page-header">\n  <h1 class="page-title">'
    if (undefined(name='searched') if l_0_searched is missing else l_0_searched):
        pass
        yield 'Search results for: <span class="query">'
        yield escape((undefined(name='query') if l_0_query is missing else l_0_query))
        yield '</span>'
    else:
        pass
        yield 'Search'
    yield '</h1>\n  <form role="search" aria-label="Search the posts" method="get" class="search-form" action="'
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='paths') if l_0_paths is missing else l_0_paths), 'SEARCH'), _block_vars=_block_vars))
    yield '">\n    <label><span class="screen-reader-text">Search for:</span>\n    <input type="search" name="q" value="'
    yield escape((undefined(name='query') if l_0_query is missing else l_0_query))
    yield '" enterkeyhint="search"></label>\n    <button type="submit">Search</button>\n  </form>\n'
    if (undefined(name='searched') if l_0_searched is missing else l_0_searched):
        pass
        yield '<p class="result-count">'
        yield escape((undefined(name='total') if l_0_total is missing else l_0_total))
        yield ' result'
        yield escape(('s' if ((undefined(name='total') if l_0_total is missing else l_0_total) != 1) else cond_expr_undefined("the inline if-expression on line 14 in 'search.html' evaluated to false and no else section was defined.")))
        yield '</p>'
    yield '</header>\n'
    t_1 = 1
    for l_1_entry in (undefined(name='entries') if l_0_entries is missing else l_0_entries):
        _loop_vars = {}
        pass
        template = environment.get_template('_summary.html', 'search.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'entry': l_1_entry}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
        t_1 = 0
    l_1_entry = missing
    if t_1:
        pass
        if (undefined(name='searched') if l_0_searched is missing else l_0_searched):
            pass
            yield '<p class="no-results">Nothing matched your search. Try different words.</p>'
    template = environment.get_template('_pagination.html', 'search.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()

blocks = {'title': block_title, 'head': block_head, 'body_class': block_body_class, 'content': block_content}
debug_info = '1=12&2=17&3=39&4=49&5=59&6=75&8=83&9=92&11=94&14=96&16=105&17=108&19=118&21=121'