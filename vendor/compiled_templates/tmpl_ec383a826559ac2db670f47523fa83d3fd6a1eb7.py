from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_breadcrumb.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_url = resolve('url')
    l_0_paths = resolve('paths')
    l_0_crumb = resolve('crumb')
    pass
    yield '<nav class="breadcrumb" aria-label="Breadcrumb">\n  <ol>\n    <li><a href="'
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='paths') if l_0_paths is missing else l_0_paths), 'HOME')))
    yield '">Blog</a> <span class="sep" aria-hidden="true">&gt;</span></li>\n    <li aria-current="page">'
    yield escape((undefined(name='crumb') if l_0_crumb is missing else l_0_crumb))
    yield '</li>\n  </ol>\n</nav>'

blocks = {}
debug_info = '3=15&4=17'