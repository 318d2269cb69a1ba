from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'post.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html', 'post.html')
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
    l_0_post = resolve('post')
    l_0_site = resolve('site')
    pass
    yield escape(environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'title'))
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
    yield 'single single-post'

def block_og_title(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_post = resolve('post')
    pass
    yield escape(environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'title'))

def block_og_type(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'article'

def block_head(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_post = resolve('post')
    l_0_absolute = resolve('absolute')
    pass
    yield '<meta property="article:published_time" content="'
    yield escape(context.call(environment.getattr(environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'date'), 'isoformat'), _block_vars=_block_vars))
    yield '">\n'
    if environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'og_image'):
        pass
        yield '<meta property="og:image" content="'
        yield escape((environment.getattr(environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'og_image'), 'url') if context.call(environment.getattr(environment.getattr(environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'og_image'), 'url'), 'startswith'), ('https://', 'http://'), _block_vars=_block_vars) else context.call((undefined(name='absolute') if l_0_absolute is missing else l_0_absolute), environment.getattr(environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'og_image'), 'url'), _block_vars=_block_vars)))
        yield '">\n'
        if environment.getattr(environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'og_image'), 'width'):
            pass
            yield '<meta property="og:image:width" content="'
            yield escape(environment.getattr(environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'og_image'), 'width'))
            yield '">\n<meta property="og:image:height" content="'
            yield escape(environment.getattr(environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'og_image'), 'height'))
            yield '">\n'
    yield '<meta property="article:modified_time" content="'
    yield escape(context.call(environment.getattr((environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'updated') or environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'date')), 'isoformat'), _block_vars=_block_vars))
    yield '">\n'
    for l_1_tag in environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'tags'):
        _loop_vars = {}
        pass
        yield '<meta property="article:tag" content="'
        yield escape(environment.getattr(l_1_tag, 'name'))
        yield '">\n'
    l_1_tag = missing

def block_content(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_post = resolve('post')
    l_0_date = resolve('date')
    l_0_older = resolve('older')
    l_0_url = resolve('url')
    l_0_newer = resolve('newer')
    pass
    l_1_crumb = environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'title')
    pass
    template = environment.get_template('_breadcrumb.html', 'post.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'crumb': l_1_crumb}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_crumb = missing
    yield '<article class="entry post">\n  <header class="entry-header">\n    <h1 class="entry-title">'
    yield escape(environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'title'))
    yield '</h1>\n'
    l_1_entry = (undefined(name='post') if l_0_post is missing else l_0_post)
    pass
    template = environment.get_template('_meta.html', 'post.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'entry': l_1_entry}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    l_1_entry = missing
    if (environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'updated') and (environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'updated') > environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'date'))):
        pass
        yield '<p class="updated">Updated <time datetime="'
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'updated'), 'isoformat'), _block_vars=_block_vars))
        yield '">'
        yield escape(context.call((undefined(name='date') if l_0_date is missing else l_0_date), environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'updated'), _block_vars=_block_vars))
        yield '</time></p>'
    yield '  </header>\n'
    if environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'page_cover'):
        pass
        yield '<figure class="entry-cover">'
        yield escape(environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'page_cover'))
        yield '</figure>'
    if (environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'show_toc') and environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'toc')):
        pass
        yield '<nav class="toc" aria-label="Contents">'
        yield escape(environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'toc'))
        yield '</nav>'
    yield '  <div class="entry-content">'
    yield escape(environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'body'))
    yield '</div>\n  <footer class="entry-footer">\n'
    if environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'categories'):
        pass
        yield '<p class="cat-links">Categories: '
        l_1_loop = missing
        for l_1_cat, l_1_loop in LoopContext(environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'categories'), undefined):
            l_1_paths = resolve('paths')
            _loop_vars = {}
            pass
            yield '<a href="'
            yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), context.call(environment.getattr((undefined(name='paths') if l_1_paths is missing else l_1_paths), 'category'), environment.getattr(l_1_cat, 'slug'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
            yield '" rel="category">'
            yield escape(environment.getattr(l_1_cat, 'name'))
            yield '</a>'
            yield escape((', ' if (not environment.getattr(l_1_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 30 in 'post.html' evaluated to false and no else section was defined.")))
        l_1_loop = l_1_cat = l_1_paths = missing
        yield '</p>'
    if environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'tags'):
        pass
        yield '<p class="tag-links">Tags: '
        l_1_loop = missing
        for l_1_tag, l_1_loop in LoopContext(environment.getattr((undefined(name='post') if l_0_post is missing else l_0_post), 'tags'), undefined):
            l_1_paths = resolve('paths')
            _loop_vars = {}
            pass
            yield '<a href="'
            yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), context.call(environment.getattr((undefined(name='paths') if l_1_paths is missing else l_1_paths), 'tag'), environment.getattr(l_1_tag, 'slug'), _loop_vars=_loop_vars), _loop_vars=_loop_vars))
            yield '" rel="tag">'
            yield escape(environment.getattr(l_1_tag, 'name'))
            yield '</a>'
            yield escape((', ' if (not environment.getattr(l_1_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 31 in 'post.html' evaluated to false and no else section was defined.")))
        l_1_loop = l_1_tag = l_1_paths = missing
        yield '</p>'
    yield '  </footer>\n</article>\n<nav class="post-navigation" aria-label="Posts">\n'
    if (undefined(name='older') if l_0_older is missing else l_0_older):
        pass
        yield '<div class="nav-previous"><span>Previous post</span> <a href="'
        yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='older') if l_0_older is missing else l_0_older), 'url'), _block_vars=_block_vars))
        yield '" rel="prev">← '
        yield escape(environment.getattr((undefined(name='older') if l_0_older is missing else l_0_older), 'title'))
        yield '</a></div>'
    if (undefined(name='newer') if l_0_newer is missing else l_0_newer):
        pass
        yield '<div class="nav-next"><span>Next post</span> <a href="'
        yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='newer') if l_0_newer is missing else l_0_newer), 'url'), _block_vars=_block_vars))
        yield '" rel="next">'
        yield escape(environment.getattr((undefined(name='newer') if l_0_newer is missing else l_0_newer), 'title'))
        yield ' →</a></div>'
    yield '</nav>\n'

blocks = {'title': block_title, 'body_class': block_body_class, 'og_title': block_og_title, 'og_type': block_og_type, 'head': block_head, 'content': block_content}
debug_info = '1=12&2=17&3=31&4=41&5=52&6=62&7=73&8=75&9=78&10=80&11=85&14=88&15=90&18=98&19=113&22=121&23=125&24=132&26=140&27=145&28=151&30=153&31=169&35=186&36=193'