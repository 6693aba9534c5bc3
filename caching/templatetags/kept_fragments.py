"""``{% keep "name" key ... %}…{% endkeep %}``: a fragment rendered once per content
version in each process (``kept_fragment``).

Only for fragments whose HTML follows from the database's content and the keys given
(the header for a path, the footer, a district's list of houses): never for anything
that depends on the time, the visitor or a form's token. That is enforced, not only
asked: ``{% now %}`` and ``{% csrf_token %}`` inside a fragment are a template syntax
error; while a fragment renders, the visitor's values in the context (``user``,
``perms``, ``messages``, ``csrf_token``, and ``request.user``, its session, cookies,
query and headers) and the tags that depend on the time (``refuse_while_keeping``) raise
``KeptVisitorOrTime`` (tests/caching/test_keep_guard.py). Any save anywhere stores a new
content version, so a staff change shows at once, and the version is dated, so nothing
kept outlives the day; the version is the one the request read already (the page cache's
middleware, or the site settings), so keeping costs no extra round trip. Without a
request or a reachable cache the fragment is rendered as usual.
"""

import threading

from django import template
from django.template.defaulttags import CsrfTokenNode, NowNode
from django.urls import get_script_prefix

from caching import layers
from caching.version import request_version

register = template.Library()

# Rendered fragments of the newest content version seen.
FRAGMENTS_MAX = 2000
fragments = {}
fragments_version = [None]
fragments_lock = threading.Lock()


def kept_fragment(key, version, render):
    """The HTML ``render()`` gives, kept in this process under ``key`` while the content
    version stays ``version``: a fragment that shows only content (names, links, the
    footer's contact details) is then rendered once per staff change, not per request.
    A new version drops every fragment of the old one; at most ``FRAGMENTS_MAX`` are kept."""
    if fragments_version[0] == version:
        html = fragments.get(key)
        if html is not None:
            return html
    html = render()
    with fragments_lock:
        if fragments_version[0] != version:
            fragments.clear()
            fragments_version[0] = version
        if len(fragments) >= FRAGMENTS_MAX:
            fragments.clear()
        fragments[key] = html
    return html


def kept_html(request, key, render):
    """``render()``'s HTML kept per content version under ``key`` (``kept_fragment``)
    for the version this request read; rendered every time without a request, with
    the ``fragments`` layer off (``CACHE_LAYERS_OFF``) or when the cache is unreachable."""
    if request is None or not layers.on("fragments"):
        return render()
    version = request_version(request)
    if version is None:
        return render()
    # Links in a fragment start with the script prefix, which is not in every key given.
    return kept_fragment((get_script_prefix(), *key), version, render)


def forget_fragments():
    with fragments_lock:
        fragments.clear()
        fragments_version[0] = None


# Set in the context while a kept fragment renders.
KEEPING = "portal_keeping_fragment"
VISITOR_VALUES = ("user", "perms", "messages", "csrf_token")
VISITOR_REQUEST_ATTRIBUTES = {
    "user",
    "auser",
    "session",
    "COOKIES",
    "GET",
    "POST",
    "META",
    "headers",
    "content_version",
}
FORBIDDEN_TAGS = (NowNode, CsrfTokenNode)


class KeptVisitorOrTime(template.TemplateSyntaxError):
    """A kept fragment used something that depends on the visitor or the time: it would
    be shown to every later visitor until the next staff change."""


def refuse_while_keeping(context, what):
    """For a tag whose output depends on the time or the visitor: refuse inside
    ``{% keep %}``."""
    if context.get(KEEPING):
        raise KeptVisitorOrTime(f"{{% keep %}} must not hold {what}")


class _Refused:
    """Stands for a visitor's value while a fragment is kept: any use of it raises."""

    def __init__(self, name):
        self._portal_name = name

    def _refuse(self, *args, **kwargs):
        raise KeptVisitorOrTime(f"{{% keep %}} must not use {self._portal_name!r}")

    __str__ = __bool__ = __iter__ = __len__ = __getitem__ = __contains__ = _refuse

    def __getattr__(self, name):
        self._refuse()


class _KeptRequest:
    """The request as a kept fragment sees it: what names the page (its path), not what
    names the visitor."""

    def __init__(self, request):
        self._portal_request = request

    def __getattr__(self, name):
        if name in VISITOR_REQUEST_ATTRIBUTES:
            raise KeptVisitorOrTime(f"{{% keep %}} must not use request.{name}")
        return getattr(self._portal_request, name)


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
        request = context.get("request")
        return kept_html(request, key, lambda: self._render(context, request))

    def _render(self, context, request):
        guarded = {name: _Refused(name) for name in VISITOR_VALUES}
        guarded[KEEPING] = True
        if request is not None:
            guarded["request"] = _KeptRequest(request)
        with context.push(guarded):
            return self.nodelist.render(context)


@register.tag
def keep(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% keep %} needs a name")
    nodelist = parser.parse(("endkeep",))
    parser.delete_first_token()
    for node_type in FORBIDDEN_TAGS:
        if nodelist.get_nodes_by_type(node_type):
            raise template.TemplateSyntaxError(
                f"{{% keep %}} must not hold {{% {node_type.__name__[:-4].lower()} %}}: "
                "it depends on the time or the visitor"
            )
    name = bits[1].strip("\"'")
    return KeepNode(nodelist, name, [parser.compile_filter(b) for b in bits[2:]])
