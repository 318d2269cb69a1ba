from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_pagination.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_pagination = resolve('pagination')
    pass
    if (environment.getattr((undefined(name='pagination') if l_0_pagination is missing else l_0_pagination), 'newer') or environment.getattr((undefined(name='pagination') if l_0_pagination is missing else l_0_pagination), 'older')):
        pass
        yield '<nav class="pagination" aria-label="Pages">\n'
        if environment.getattr((undefined(name='pagination') if l_0_pagination is missing else l_0_pagination), 'older'):
            pass
            yield '<a class="older" rel="next" href="'
            yield escape(environment.getattr((undefined(name='pagination') if l_0_pagination is missing else l_0_pagination), 'older'))
            yield '">← Older posts</a>'
        yield '  <span class="current">Page '
        yield escape(environment.getattr((undefined(name='pagination') if l_0_pagination is missing else l_0_pagination), 'page'))
        yield '</span>\n'
        if environment.getattr((undefined(name='pagination') if l_0_pagination is missing else l_0_pagination), 'newer'):
            pass
            yield '<a class="newer" rel="prev" href="'
            yield escape(environment.getattr((undefined(name='pagination') if l_0_pagination is missing else l_0_pagination), 'newer'))
            yield '">Newer posts →</a>'
        yield '</nav>\n'

blocks = {}
debug_info = '1=12&3=15&4=21&5=23'