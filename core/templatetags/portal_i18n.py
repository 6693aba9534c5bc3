"""``{% load portal_i18n %}``: Django's ``i18n`` tag library, with a cheap constant
``{% translate "…" %}``. The portal's templates load it instead of ``i18n``.

Every public page renders 30–40 ``{% translate %}`` tags (labels, headings, the footer).
For a constant message Django's ``TranslateNode`` wraps the text in a lazy translation
proxy, resolves it as a template variable and localizes it on every render. Here every
tag and filter is Django's own, except that a ``translate``/``trans`` tag whose message is
a string literal, with no filter, no ``noop`` and a literal context if any, becomes a node
that calls ``gettext`` (or ``pgettext``) directly: on ``make bench``'s server about 10 %
more requests a second on a short page (``/privatliv``), 5 % on a house page.

The output is Django's: the active language's translation, marked safe as a template
literal is, with ``%`` handled as Django handles it. ``tests/portal/test_translate_tag.py``
renders every message the templates use with both libraries and compares, and fails on a
template of ours that loads ``i18n`` (it would work, only slower). Nothing is cached: the
language is looked up on every render, as Django does. (It is a library of its own name,
not registered as ``i18n``: that would hide Django's and trips check templates.W003.)
"""

from django import template
from django.templatetags import i18n as django_i18n
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

register = template.Library()
register.tags.update(django_i18n.register.tags)
register.filters.update(django_i18n.register.filters)


class ConstantTranslateNode(template.Node):
    """``{% translate "literal" [context "literal"] [as name] %}``, rendered as Django's
    ``TranslateNode`` renders it, without the lazy proxy and variable lookup."""

    child_nodelists = ()

    def __init__(self, message, message_context, asvar):
        # Django doubles "%" before the lookup (the catalogue's msgids are written so)
        # and undoes it after.
        self.msgid = message.replace("%", "%%")
        self.safe = isinstance(message, SafeData)
        self.message_context = message_context
        self.asvar = asvar

    def render(self, context):
        if self.message_context is None:
            value = translation.gettext(self.msgid)
        else:
            value = translation.pgettext(self.message_context, self.msgid)
        value = value.replace("%%", "%")
        if self.safe:
            value = mark_safe(value)
        elif context.autoescape:
            value = conditional_escape(value)
        if self.asvar:
            context[self.asvar] = value
            return ""
        return value


def _constant(expression):
    """The literal a filter expression stands for, or None when it is not a bare one."""
    variable = expression.var
    if expression.filters:
        return None
    if isinstance(variable, str):  # a quoted constant, resolved when parsed
        return variable
    literal = getattr(variable, "literal", None)
    return literal if isinstance(literal, str) else None


@register.tag("translate")
@register.tag("trans")
def do_translate(parser, token):
    node = django_i18n.do_translate(parser, token)
    message = _constant(node.filter_expression)
    context = None
    if node.message_context is not None:
        context = _constant(node.message_context)
        if context is None:
            return node
    if node.noop or message is None:
        return node
    return ConstantTranslateNode(message, context, node.asvar)
