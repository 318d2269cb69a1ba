from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'sitemap.xml'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_absolute = resolve('absolute')
    l_0_paths = resolve('paths')
    l_0_posts = resolve('posts')
    l_0_pages = resolve('pages')
    pass
    yield '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<url><loc>'
    yield escape(context.call((undefined(name='absolute') if l_0_absolute is missing else l_0_absolute), environment.getattr((undefined(name='paths') if l_0_paths is missing else l_0_paths), 'HOME')))
    yield '</loc>'
    if (undefined(name='posts') if l_0_posts is missing else l_0_posts):
        pass
        yield '<lastmod>'
        yield escape(context.call(environment.getattr(environment.getitem(environment.getitem((undefined(name='posts') if l_0_posts is missing else l_0_posts), 0), 1), 'strftime'), '%Y-%m-%dT%H:%M:%SZ'))
        yield '</lastmod>'
    yield '</url>\n'
    for (l_1_slug, l_1_published, l_1_updated) in (undefined(name='posts') if l_0_posts is missing else l_0_posts):
        _loop_vars = {}
        pass
        yield '<url><loc>'
        yield escape(context.call((undefined(name='absolute') if l_0_absolute is missing else l_0_absolute), context.call(environment.getattr((undefined(name='paths') if l_0_paths is missing else l_0_paths), 'post'), l_1_slug, _loop_vars=_loop_vars), _loop_vars=_loop_vars))
        yield '</loc><lastmod>'
        yield escape(context.call(environment.getattr((l_1_updated or l_1_published), 'strftime'), '%Y-%m-%dT%H:%M:%SZ', _loop_vars=_loop_vars))
        yield '</lastmod></url>\n'
    l_1_slug = l_1_published = l_1_updated = missing
    for (l_1_title, l_1_slug) in (undefined(name='pages') if l_0_pages is missing else l_0_pages):
        _loop_vars = {}
        pass
        yield '<url><loc>'
        yield escape(context.call((undefined(name='absolute') if l_0_absolute is missing else l_0_absolute), context.call(environment.getattr((undefined(name='paths') if l_0_paths is missing else l_0_paths), 'page'), l_1_slug, _loop_vars=_loop_vars), _loop_vars=_loop_vars))
        yield '</loc></url>\n'
    l_1_title = l_1_slug = missing
    yield '</urlset>'

blocks = {}
debug_info = '3=16&4=24&5=28&7=33&8=37'