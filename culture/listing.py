"""Helpers for pages that list many rows: their links from one ``reverse()`` (a page that
lists twenty performances or five networks builds their addresses from one reversed
address instead of resolving the URL pattern per row, the costly part of
``get_absolute_url()``), and the demo badge rendered once."""

from django.template.loader import render_to_string
from django.urls import reverse

# Fits both a slug and an int converter, and no address contains it by itself.
MARKER = "7319046285"


def addresses(viewname, kwarg):
    """A function ``value -> address`` for ``viewname`` with ``kwarg`` set to ``value``,
    as ``reverse(viewname, kwargs={kwarg: value})`` gives it, for values the URL
    converter takes unchanged (a slug, a primary key)."""
    head, tail = reverse(viewname, kwargs={kwarg: MARKER}).split(MARKER)

    def address(value):
        return f"{head}{value}{tail}"

    return address


def demo_badge():
    """The demo badge (templates/includes/demo_badge.html) rendered once for a page that
    marks many rows: ``{% if row.is_demo %}{{ demo_badge }}{% endif %}``."""
    return render_to_string("includes/demo_badge.html", {"person": {"is_demo": True}})
