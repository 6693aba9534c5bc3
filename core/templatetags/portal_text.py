"""``{{ text|markdown }}`` and ``{{ line|markdown_inline }}``: staff text as sanitised HTML
(``core.text``); ``{{ phone|phone_link }}``: a phone number's ``tel:`` address; ``{{ name|bdi }}``:
a name in ``<bdi>`` when it is written right to left, ``{{ text|bdi_text }}`` the same where
no markup may stand, as in ``<title>`` (``core.bidi``); ``{% person_lines ... %}``: a person
with their contact details (``core.rows``)."""

from django import template
from django.utils.safestring import mark_safe

from core import rows, validators
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


@register.simple_tag
def person_lines(name, email, phone, is_demo):
    """``{% person_lines person.name person.email person.phone person.is_demo %}``: the
    person's lines of ``core.rows.person_lines`` (the one source of that markup), joined
    by line breaks, the empty ones kept (``includes/person.html``)."""
    # The name's line ends twice, as when the badge's template was included here (its
    # file ends with a line break): the pages stay as they were, byte for byte.
    badge = (rows.demo_badge() if is_demo else "") + "\n"
    return mark_safe("\n".join(rows.person_lines(name, email, phone, badge)))  # escaped there
