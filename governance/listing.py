"""A board's address from a row of values (a district's board lives at the district's
address, ``Board.get_absolute_url``), for pages that list many boards."""

from core.rows import link_maker


def board_addresses():
    """``address(row)`` of a board read as values with ``slug`` and ``district__slug``."""
    address = link_maker("governance:board_detail", "slug")

    def board_address(row):
        return address(row["district__slug"] or row["slug"])

    return board_address
