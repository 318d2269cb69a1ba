from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_summary.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_url = resolve('url')
    l_0_entry = resolve('entry')
    pass
    yield '<article class="entry entry-summary">\n  <h2 class="entry-title"><a href="'
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'url')))
    yield '" rel="bookmark">'
    yield escape(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'title'))
    yield '</a></h2>\n'
    template = environment.get_template('_meta.html', '_summary.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    if environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'cover'):
        pass
        yield '<figure class="entry-cover"><a href="'
        yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'url')))
        yield '" tabindex="-1">'
        yield escape(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'cover'))
        yield '</a></figure>'
    yield '  <div class="entry-content">'
    yield escape(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'summary'))
    yield '</div>\n  <p class="more"><a href="'
    yield escape(context.call((undefined(name='url') if l_0_url is missing else l_0_url), environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'url')))
    yield '">Continue reading<span class="screen-reader-text"> “'
    yield escape(environment.getattr((undefined(name='entry') if l_0_entry is missing else l_0_entry), 'title'))
    yield '”</span> →</a></p>\n</article>'

blocks = {}
debug_info = '2=14&3=18&4=24&5=32&6=34'