"""``{% keep "name" key ... %}…{% endkeep %}``: a fragment rendered once per content
version in each process (``page_cache.kept_fragment``).

Only for fragments whose HTML follows from the database's content and the keys given
(the header for a path, the footer, a district's list of houses): never for anything
that depends on the time, the visitor or a form's token. Any save anywhere stores a new
content version, so a staff change shows at once; the version is the one the request
read already (the page cache's middleware, or the site settings), so keeping costs no
extra round trip. Without a request or a reachable cache the fragment is rendered as
usual.
"""

from django import template

from ballerup_portal import page_cache

register = template.Library()


class KeepNode(template.Node):
    def __init__(self, nodelist, name, keys):
        self.nodelist = nodelist
        self.name = name
        self.keys = keys

    def render(self, context):
        # The page's own template is part of the key: an error page fills the header's
        # and footer's blocks differently at the same address.
        key = (
            self.name,
            context.template_name,
            *(str(k.resolve(context)) for k in self.keys),
        )
        return page_cache.kept_html(
            context.get("request"), key, lambda: self.nodelist.render(context)
        )


@register.tag
def keep(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% keep %} needs a name")
    nodelist = parser.parse(("endkeep",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    return KeepNode(nodelist, name, [parser.compile_filter(b) for b in bits[2:]])
