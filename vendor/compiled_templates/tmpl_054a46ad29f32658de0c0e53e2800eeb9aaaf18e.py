from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_meta.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_entry = resolve('entry')
    l_0_date = resolve('date')
    pass
    yield '<p class="entry-meta">\n  <time datetime="'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'date'), 'isoformat')))
    yield '">'
    yield escape(context.call((undefined(name='date') if l_0_date is missing else l_0_date), environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'date')))
    yield '</time>\n'
    if environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'author'):
        pass
        yield '<span class="byline">by <span class="author">'
        yield escape(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'author'))
        yield '</span></span>'
    if environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'categories'):
        pass
        yield '<span class="cat-links">in '
        l_1_loop = missing
        for l_1_cat, l_1_loop in LoopContext(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'categories'), undefined):
            l_1_url = resolve('url')
            l_1_paths = resolve('paths')
            _loop_vars = {}
            pass
            yield '<a href="'
            yield escape(context.call((undefined(name='url') if l_1_url is missing else l_1_url), context.call(environment.getattr((undefined(name='paths') if l_1_paths is missing else l_1_paths), 'category'), environment.getattr(l_1_cat, 'slug'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
            yield '" rel="category">'
            yield escape(environment.getattr(l_1_cat, 'name'))
            yield '</a>'
            yield escape((', ' if (not environment.getattr(l_1_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 4 in '_meta.html' evaluated to false and no else section was defined.")))
        l_1_loop = l_1_cat = l_1_url = l_1_paths = missing
        yield '</span>'
    yield '  <span class="reading">· '
    yield escape(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'reading_minutes'))
    yield ' min read</span>\n</p>'

blocks = {}
debug_info = '2=14&3=18&4=23&5=41'