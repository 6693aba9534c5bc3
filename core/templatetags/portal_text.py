"""``{{ text|markdown }}`` and ``{{ line|markdown_inline }}``: staff text as sanitised HTML
(``core.text``); ``{{ phone|phone_link }}``: a phone number's ``tel:`` address."""

from django import template

from core import validators
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
