from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'widgets.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_recent_posts = l_0_archives = l_0_categories = l_0_tag_cloud = l_0_search = l_0_text = l_0_html = l_0_links = l_0_pages = l_0_feed = l_0_RENDERERS = l_0_render_widget = l_0_render_area = missing
    try:
        t_1 = environment.filters['month_name']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'month_name' found.")
    try:
        t_2 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    pass
    def macro(l_1_w):
        t_3 = []
        if l_1_w is missing:
            l_1_w = undefined("parameter 'w' was not provided", name='w')
        pass
        t_3.append(
            '<ul>\n',
        )
        t_4 = 1
        for l_2_entry in environment.getattr(l_1_w, 'posts'):
            l_2_url = resolve('url')
            _loop_vars = {}
            pass
            t_3.extend((
                '  <li><a href="',
                escape(context.call((undefined(name='url') if l_2_url is missing else l_2_url), environment.getattr(l_2_entry, 'url'), _loop_vars=_loop_vars)),
                '">',
                escape(environment.getattr(l_2_entry, 'title')),
                '</a></li>\n',
            ))
            t_4 = 0
        l_2_entry = l_2_url = missing
        if t_4:
            pass
            t_3.append(
                '  <li class="none">No posts yet.</li>\n',
            )
        t_3.append(
            '</ul>\n',
        )
        return concat(t_3)
    context.exported_vars.add('recent_posts')
    context.vars['recent_posts'] = l_0_recent_posts = Macro(environment, macro, 'recent_posts', ('w',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_w):
        t_5 = []
        if l_1_w is missing:
            l_1_w = undefined("parameter 'w' was not provided", name='w')
        pass
        t_5.append(
            '<ul>\n',
        )
        t_6 = 1
        for (l_2_year, l_2_month, l_2_count) in environment.getattr(l_1_w, 'months'):
            l_2_url = resolve('url')
            l_2_paths = resolve('paths')
            _loop_vars = {}
            pass
            t_5.extend((
                '  <li><a href="',
                escape(context.call((undefined(name='url') if l_2_url is missing else l_2_url), context.call(environment.getattr((undefined(name='paths') if l_2_paths is missing else l_2_paths), 'archive'), l_2_year, l_2_month, _loop_vars=_loop_vars), _loop_vars=_loop_vars)),
                '">',
                escape(t_1(l_2_month)),
                ' ',
                escape(l_2_year),
                '</a>',
            ))
            if environment.getattr(l_1_w, 'show_count'):
                pass
                t_5.extend((
                    ' <span class="count">(',
                    escape(l_2_count),
                    ')</span>',
                ))
            t_5.append(
                '</li>\n',
            )
            t_6 = 0
        l_2_year = l_2_month = l_2_count = l_2_url = l_2_paths = missing
        if t_6:
            pass
            t_5.append(
                '  <li class="none">No archives yet.</li>\n',
            )
        t_5.append(
            '</ul>\n',
        )
        return concat(t_5)
    context.exported_vars.add('archives')
    context.vars['archives'] = l_0_archives = Macro(environment, macro, 'archives', ('w',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_w):
        t_7 = []
        if l_1_w is missing:
            l_1_w = undefined("parameter 'w' was not provided", name='w')
        pass
        t_7.append(
            '<ul>\n',
        )
        t_8 = 1
        for (l_2_name, l_2_slug, l_2_count) in environment.getattr(l_1_w, 'categories'):
            l_2_url = resolve('url')
            l_2_paths = resolve('paths')
            _loop_vars = {}
            pass
            t_7.extend((
                '  <li><a href="',
                escape(context.call((undefined(name='url') if l_2_url is missing else l_2_url), context.call(environment.getattr((undefined(name='paths') if l_2_paths is missing else l_2_paths), 'category'), l_2_slug, _loop_vars=_loop_vars), _loop_vars=_loop_vars)),
                '">',
                escape(l_2_name),
                '</a>',
            ))
            if environment.getattr(l_1_w, 'show_count'):
                pass
                t_7.extend((
                    ' <span class="count">(',
                    escape(l_2_count),
                    ')</span>',
                ))
            t_7.append(
                '</li>\n',
            )
            t_8 = 0
        l_2_name = l_2_slug = l_2_count = l_2_url = l_2_paths = missing
        if t_8:
            pass
            t_7.append(
                '  <li class="none">No categories yet.</li>\n',
            )
        t_7.append(
            '</ul>\n',
        )
        return concat(t_7)
    context.exported_vars.add('categories')
    context.vars['categories'] = l_0_categories = Macro(environment, macro, 'categories', ('w',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_w):
        t_9 = []
        if l_1_w is missing:
            l_1_w = undefined("parameter 'w' was not provided", name='w')
        pass
        t_9.append(
            '<p class="tag-cloud">\n',
        )
        t_10 = 1
        for l_2_tag in environment.getattr(l_1_w, 'tags'):
            l_2_url = resolve('url')
            l_2_paths = resolve('paths')
            _loop_vars = {}
            pass
            t_9.extend((
                '  <a href="',
                escape(context.call((undefined(name='url') if l_2_url is missing else l_2_url), context.call(environment.getattr((undefined(name='paths') if l_2_paths is missing else l_2_paths), 'tag'), environment.getattr(l_2_tag, 'slug'), _loop_vars=_loop_vars), _loop_vars=_loop_vars)),
                '" class="tag-size-',
                escape(environment.getattr(l_2_tag, 'size')),
                '" title="',
                escape(environment.getattr(l_2_tag, 'count')),
                ' post',
                escape(('s' if (environment.getattr(l_2_tag, 'count') != 1) else cond_expr_undefined("the inline if-expression on line 35 in 'widgets.html' evaluated to false and no else section was defined."))),
                '">',
                escape(environment.getattr(l_2_tag, 'name')),
                '</a>\n',
            ))
            t_10 = 0
        l_2_tag = l_2_url = l_2_paths = missing
        if t_10:
            pass
            t_9.append(
                '  <span class="none">No tags yet.</span>\n',
            )
        t_9.append(
            '</p>\n',
        )
        return concat(t_9)
    context.exported_vars.add('tag_cloud')
    context.vars['tag_cloud'] = l_0_tag_cloud = Macro(environment, macro, 'tag_cloud', ('w',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_w):
        t_11 = []
        l_1_url = resolve('url')
        l_1_paths = resolve('paths')
        if l_1_w is missing:
            l_1_w = undefined("parameter 'w' was not provided", name='w')
        pass
        t_11.extend((
            '<form role="search" method="get" class="search-form" action="',
            escape(context.call((undefined(name='url') if l_1_url is missing else l_1_url), environment.getattr((undefined(name='paths') if l_1_paths is missing else l_1_paths), 'SEARCH'))),
            '">\n  <label><span class="screen-reader-text">Search for:</span>\n  <input type="search" name="q" placeholder="Search …" enterkeyhint="search"></label>\n  <button type="submit">Search</button>\n</form>\n',
        ))
        return concat(t_11)
    context.exported_vars.add('search')
    context.vars['search'] = l_0_search = Macro(environment, macro, 'search', ('w',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_w):
        t_12 = []
        if l_1_w is missing:
            l_1_w = undefined("parameter 'w' was not provided", name='w')
        pass
        t_12.extend((
            '<div class="textwidget">',
            escape(environment.getattr(l_1_w, 'html')),
            '</div>',
        ))
        return concat(t_12)
    context.exported_vars.add('text')
    context.vars['text'] = l_0_text = Macro(environment, macro, 'text', ('w',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_w):
        t_13 = []
        if l_1_w is missing:
            l_1_w = undefined("parameter 'w' was not provided", name='w')
        pass
        t_13.extend((
            '<div class="htmlwidget">',
            escape(environment.getattr(l_1_w, 'html')),
            '</div>',
        ))
        return concat(t_13)
    context.exported_vars.add('html')
    context.vars['html'] = l_0_html = Macro(environment, macro, 'html', ('w',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_w):
        t_14 = []
        if l_1_w is missing:
            l_1_w = undefined("parameter 'w' was not provided", name='w')
        pass
        t_14.append(
            '<ul>\n',
        )
        for l_2_link in environment.getattr(l_1_w, 'links'):
            _loop_vars = {}
            pass
            t_14.extend((
                '  <li><a href="',
                escape(environment.getattr(l_2_link, 'url')),
                '">',
                escape(environment.getattr(l_2_link, 'title')),
                '</a></li>\n',
            ))
        l_2_link = missing
        t_14.append(
            '</ul>\n',
        )
        return concat(t_14)
    context.exported_vars.add('links')
    context.vars['links'] = l_0_links = Macro(environment, macro, 'links', ('w',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_w):
        t_15 = []
        if l_1_w is missing:
            l_1_w = undefined("parameter 'w' was not provided", name='w')
        pass
        t_15.append(
            '<ul>\n',
        )
        t_16 = 1
        for (l_2_title, l_2_slug) in environment.getattr(l_1_w, 'pages'):
            l_2_url = resolve('url')
            l_2_paths = resolve('paths')
            _loop_vars = {}
            pass
            t_15.extend((
                '  <li><a href="',
                escape(context.call((undefined(name='url') if l_2_url is missing else l_2_url), context.call(environment.getattr((undefined(name='paths') if l_2_paths is missing else l_2_paths), 'page'), l_2_slug, _loop_vars=_loop_vars), _loop_vars=_loop_vars)),
                '">',
                escape(l_2_title),
                '</a></li>\n',
            ))
            t_16 = 0
        l_2_title = l_2_slug = l_2_url = l_2_paths = missing
        if t_16:
            pass
            t_15.append(
                '  <li class="none">No pages yet.</li>\n',
            )
        t_15.append(
            '</ul>\n',
        )
        return concat(t_15)
    context.exported_vars.add('pages')
    context.vars['pages'] = l_0_pages = Macro(environment, macro, 'pages', ('w',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_w):
        t_17 = []
        l_1_url = resolve('url')
        l_1_paths = resolve('paths')
        if l_1_w is missing:
            l_1_w = undefined("parameter 'w' was not provided", name='w')
        pass
        t_17.extend((
            '<ul class="feeds">\n  <li><a href="',
            escape(context.call((undefined(name='url') if l_1_url is missing else l_1_url), environment.getattr((undefined(name='paths') if l_1_paths is missing else l_1_paths), 'ATOM'))),
            '" type="application/atom+xml">Atom feed</a></li>\n  <li><a href="',
            escape(context.call((undefined(name='url') if l_1_url is missing else l_1_url), environment.getattr((undefined(name='paths') if l_1_paths is missing else l_1_paths), 'RSS'))),
            '" type="application/rss+xml">RSS feed</a></li>\n</ul>\n',
        ))
        return concat(t_17)
    context.exported_vars.add('feed')
    context.vars['feed'] = l_0_feed = Macro(environment, macro, 'feed', ('w',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    l_0_RENDERERS = {'recent_posts': (undefined(name='recent_posts') if l_0_recent_posts is missing else l_0_recent_posts), 'archives': (undefined(name='archives') if l_0_archives is missing else l_0_archives), 'categories': (undefined(name='categories') if l_0_categories is missing else l_0_categories), 'tag_cloud': (undefined(name='tag_cloud') if l_0_tag_cloud is missing else l_0_tag_cloud), 'search': (undefined(name='search') if l_0_search is missing else l_0_search), 'text': (undefined(name='text') if l_0_text is missing else l_0_text), 'html': (undefined(name='html') if l_0_html is missing else l_0_html), 'links': (undefined(name='links') if l_0_links is missing else l_0_links), 'pages': (undefined(name='pages') if l_0_pages is missing else l_0_pages), 'feed': (undefined(name='feed') if l_0_feed is missing else l_0_feed)}
    context.vars['RENDERERS'] = l_0_RENDERERS
    context.exported_vars.add('RENDERERS')
    yield '\n'
    def macro(l_1_w):
        t_18 = []
        if l_1_w is missing:
            l_1_w = undefined("parameter 'w' was not provided", name='w')
        pass
        t_18.extend((
            '<section class="widget widget-',
            escape(t_2(context.eval_ctx, environment.getattr(l_1_w, 'type'), '_', '-')),
            '">\n',
        ))
        if environment.getattr(l_1_w, 'title'):
            pass
            t_18.extend((
                '<h2 class="widget-title">',
                escape(environment.getattr(l_1_w, 'title')),
                '</h2>',
            ))
        t_18.extend((
            escape(context.call(environment.getitem((undefined(name='RENDERERS') if l_0_RENDERERS is missing else l_0_RENDERERS), environment.getattr(l_1_w, 'type')), l_1_w)),
            '\n</section>\n',
        ))
        return concat(t_18)
    context.exported_vars.add('render_widget')
    context.vars['render_widget'] = l_0_render_widget = Macro(environment, macro, 'render_widget', ('w',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_area, l_1_areas, l_1_area_names, l_1_site, l_1_extra_class):
        t_19 = []
        l_1_items = missing
        if l_1_area is missing:
            l_1_area = undefined("parameter 'area' was not provided", name='area')
        if l_1_areas is missing:
            l_1_areas = undefined("parameter 'areas' was not provided", name='areas')
        if l_1_area_names is missing:
            l_1_area_names = undefined("parameter 'area_names' was not provided", name='area_names')
        if l_1_site is missing:
            l_1_site = undefined("parameter 'site' was not provided", name='site')
        if l_1_extra_class is missing:
            l_1_extra_class = ''
        pass
        l_1_items = environment.getitem(l_1_areas, l_1_area)
        if ((undefined(name='items') if l_1_items is missing else l_1_items) or environment.getattr(l_1_site, 'show_empty_areas')):
            pass
            t_19.extend((
                '<aside class="widget-area widget-area-',
                escape(l_1_area),
                escape((markup_join((' ', l_1_extra_class, )) if l_1_extra_class else cond_expr_undefined("the inline if-expression on line 93 in 'widgets.html' evaluated to false and no else section was defined."))),
                '" aria-label="',
                escape(environment.getitem(l_1_area_names, l_1_area)),
                '">\n',
            ))
            t_20 = 1
            for l_2_w in (undefined(name='items') if l_1_items is missing else l_1_items):
                _loop_vars = {}
                pass
                t_19.extend((
                    escape(context.call((undefined(name='render_widget') if l_0_render_widget is missing else l_0_render_widget), l_2_w, _loop_vars=_loop_vars)),
                    '\n',
                ))
                t_20 = 0
            l_2_w = missing
            if t_20:
                pass
                t_19.extend((
                    '<p class="empty-area">Your ',
                    escape(environment.getitem(l_1_area_names, l_1_area)),
                    ' area is currently empty. Hurry up and add some widgets.</p>\n',
                ))
            t_19.append(
                '</aside>\n',
            )
        return concat(t_19)
    context.exported_vars.add('render_area')
    context.vars['render_area'] = l_0_render_area = Macro(environment, macro, 'render_area', ('area', 'areas', 'area_names', 'site', 'extra_class'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '2=24&4=33&5=39&12=58&14=67&15=74&22=105&24=114&25=121&32=150&34=159&35=166&42=191&43=200&50=207&52=221&54=235&56=243&57=248&62=261&64=270&65=277&72=296&74=305&75=307&79=314&83=318&84=325&85=328&86=336&90=343&91=357&92=358&93=362&94=369&95=373&97=382'