"""``{{ text|markdown }}`` and ``{{ line|markdown_inline }}``: staff text as sanitised HTML
(``core.text``)."""

from django import template

from core.text import render_markdown, render_markdown_inline

register = template.Library()


@register.filter
def markdown(text, top_level=3):
    return render_markdown(text, top_level)


@register.filter
def markdown_inline(text):
    return render_markdown_inline(text)
