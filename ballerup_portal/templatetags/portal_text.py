"""``{{ text|markdown }}``: staff text as sanitised HTML (``ballerup_portal.text``)."""

from django import template

from ballerup_portal.text import render_markdown

register = template.Library()


@register.filter
def markdown(text, top_level=3):
    return render_markdown(text, top_level)
