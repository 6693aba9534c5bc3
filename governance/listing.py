"""Helpers for pages that list many rows, as ``culture.listing`` (which this app may not
import): links from one ``reverse()`` and the demo badge rendered once."""

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


def board_addresses():
    """``address(row)`` of a board read as values with ``slug`` and ``district__slug``: a
    district's board lives at the district's address (``Board.get_absolute_url``)."""
    address = addresses("governance:board_detail", "slug")

    def board_address(row):
        return address(row["district__slug"] or row["slug"])

    return board_address


def demo_badge():
    """The demo badge (templates/includes/demo_badge.html) rendered once for a page that
    marks many rows: ``{% if row.is_demo %}{{ demo_badge }}{% endif %}``."""
    return render_to_string("includes/demo_badge.html", {"person": {"is_demo": True}})
