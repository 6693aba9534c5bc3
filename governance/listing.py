"""Helpers for pages that list many rows, as ``culture.listing`` (which this app may not
import): links from one ``reverse()`` and the demo badge rendered once."""

from django.template.loader import render_to_string

from core.links import link_maker

# Many rows' links from one reverse() (core.links).
addresses = link_maker


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
