"""A board's address from a row of values (a district's board lives at the district's
address, ``Board.get_absolute_url``), for pages that list many boards; and the boards
that cover a unit, from every board read once per content version (``caching.kept``):
the house page's board box and its e-mail sign-up box both ask ``boards_covering``."""

from collections import defaultdict
from typing import NamedTuple

from caching.kept import kept
from core.rows import link_maker
from districts.constants import DAYCARE_TYPES


def board_addresses():
    """``address(row)`` of a board read as values with ``slug`` and ``district__slug``."""
    address = link_maker("governance:board_detail", "slug")

    def board_address(row):
        return address(row["district__slug"] or row["slug"])

    return board_address


class BoardRow(NamedTuple):
    pk: int
    name: str
    address: str
    district_id: int | None
    # The ids of the units it covers besides its district's (``Board.extra_units``).
    extra: frozenset


def _boards():
    """Every board, district boards first, in two queries of plain values."""
    from .models import Board

    board_address = board_addresses()
    extra = defaultdict(set)
    for board_id, unit_id in Board.extra_units.through.objects.values_list(
        "board_id", "institution_id"
    ):
        extra[board_id].add(unit_id)
    return [
        BoardRow(
            board["pk"],
            board["name"],
            board_address(board),
            board["district_id"],
            frozenset(extra[board["pk"]]),
        )
        for board in Board.objects.values("pk", "name", "slug", "district_id", "district__slug")
    ]


def all_boards(request=None):
    """Every board as a :class:`BoardRow`, kept while the content version stays."""
    return kept("boards_with_units", _boards, request=request)


def boards_covering(institution, request=None, districts=None):
    """The boards that cover ``institution``, district boards first (``BoardRow``s).
    A district's board covers its district's daycare units; any board covers the units
    it names besides (``Board.units_filter``). ``districts``: the institution's, when the
    page has read them already."""
    districts = (
        {district.pk for district in (districts or institution.districts.all())}
        if institution.institution_type in DAYCARE_TYPES
        else set()
    )
    return [
        board
        for board in all_boards(request)
        if institution.pk in board.extra or board.district_id in districts
    ]


def district_boards(request=None):
    """Each district's board by the district's id (``Board.district``)."""
    return {board.district_id: board for board in all_boards(request) if board.district_id}
