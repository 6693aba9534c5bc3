"""Helpers for pages that list many rows: their links from one ``reverse()`` (a page that
lists twenty performances or five networks builds their addresses from one reversed
address instead of resolving the URL pattern per row, the costly part of
``get_absolute_url()``), and the demo badge rendered once."""

from django.template.loader import render_to_string

from core.links import link_maker

# Many rows' links from one reverse() (core.links).
addresses = link_maker


def demo_badge():
    """The demo badge (templates/includes/demo_badge.html) rendered once for a page that
    marks many rows: ``{% if row.is_demo %}{{ demo_badge }}{% endif %}``."""
    return render_to_string("includes/demo_badge.html", {"person": {"is_demo": True}})
