from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '404.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', '404.html')
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
    pass
    yield 'Page not found – '
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
    yield 'error404'

def block_content(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_url = resolve('url')
    l_0_paths = resolve('paths')
    pass
    yield '<section class="error-404 not-found">\n  <h1 class="page-title">Oops! That page can’t be found.</h1>\n  <p>It looks like nothing was found at this location. Maybe try a search?</p>\n  <form role="search" aria-label="Search the posts" method="get" class="search-form" action="'
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='paths') if l_0_paths is missing else l_0_paths), 'SEARCH'), _block_vars=_block_vars))
    yield '">\n    <label><span class="screen-reader-text">Search for:</span>\n    <input type="search" name="q" enterkeyhint="search"></label>\n    <button type="submit">Search</button>\n  </form>\n  <p><a href="'
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='paths') if l_0_paths is missing else l_0_paths), 'HOME'), _block_vars=_block_vars))
    yield '">← Back to the blog</a></p>\n</section>\n'

blocks = {'title': block_title, 'head': block_head, 'body_class': block_body_class, 'content': block_content}
debug_info = '1=12&2=17&3=29&4=39&5=49&9=60&14=62'