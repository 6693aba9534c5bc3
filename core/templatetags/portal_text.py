"""``{{ text|markdown }}`` and ``{{ line|markdown_inline }}``: staff text as sanitised HTML
(``core.text``); ``{{ phone|phone_link }}``: a phone number's ``tel:`` address; ``{{ name|bdi }}``:
a name in ``<bdi>`` when it is written right to left, ``{{ text|bdi_text }}`` the same where
no markup may stand, as in ``<title>`` (``core.bidi``)."""

from django import template

from core import validators
from core.bidi import isolate, isolate_text
from core.text import render_markdown, render_markdown_inline

register = template.Library()


@register.filter
def phone_link(value):
    """``<a href="tel:{{ phone|phone_link }}">``: the number's digits (and +) only."""
    return validators.phone_link(value)


@register.filter
def markdown(text, top_level=3):
    return render_markdown(text, top_level)


@register.filter
def markdown_inline(text):
    return render_markdown_inline(text)


@register.filter(is_safe=True)
def bdi(value):
    """``{{ name|bdi }}``: the name escaped, in ``<bdi>`` when its writing direction could
    turn the line round (an Arabic or Hebrew name, U+202E)."""
    return isolate(value)


@register.filter
def bdi_text(value):
    """``{{ query|bdi_text }}`` in ``<title>``: the text between U+2068 and U+2069 when its
    writing direction could turn the rest of the title round (a link's ``?q=`` with an
    unclosed U+202E); escaped as usual by the template."""
    return isolate_text(value)
