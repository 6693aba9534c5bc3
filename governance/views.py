"""Public pages: every parent board, and one board with its members, by-laws and minutes."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.text import capfirst

from core.dates import long_date
from core.files import serve_stored_file

from .constants import BoardRole
from .listing import addresses, board_addresses, demo_badge
from .models import Board, BoardMeeting, Bylaws, GovernanceText, Membership, next_september_election

ROLE_ORDER = [
    BoardRole.PARENT,
    BoardRole.STAFF,
    BoardRole.PEDAGOGICAL_LEADER,
    BoardRole.DISTRICT_LEADER,
]


def board_list(request):
    board_address = board_addresses()
    boards = list(Board.objects.values("name", "slug", "district__slug"))
    for board in boards:
        board["url"] = board_address(board)
    context = {
        "boards": boards,
        "texts": GovernanceText.objects.first(),
        "election": next_september_election(),
    }
    return render(request, "governance/board_list.html", context)


BOARD_ONLY = ("name", "slug", "district__name", "district__slug")


def _board_and_members(slug, today):
    """The board (a district's by the district's address, Dagplejen's by its own) and
    its current members, in one query while it has any."""
    members = list(
        Membership.objects.current(today)
        .filter(Q(board__district__slug=slug) | Q(board__district=None, board__slug=slug))
        .select_related("board__district", "house")
        .only(
            "name",
            "role",
            "is_secretary",
            "is_demo",
            "house__name",
            *(f"board__{field}" for field in BOARD_ONLY),
        )
    )
    if members:
        return members[0].board, members
    board = get_object_or_404(
        Board.objects.select_related("district").only(*BOARD_ONLY),
        Q(district__slug=slug) | Q(district=None, slug=slug),
    )
    return board, []


def board_detail(request, slug):
    today = timezone.localdate()
    board, members = _board_and_members(slug, today)
    # The houses it covers: its district's daycare units, and units it covers besides
    # (Hedegård's board covers Dagplejen too; Baltorp's does not, 001).
    institution_address = addresses("districts:institution_detail", "slug")
    units = list(board.units().values("pk", "name", "slug"))
    for unit in units:
        unit["url"] = institution_address(unit["slug"])
    # Dagplejen's own board names the district board its units also sit under (001).
    covering = []
    if not board.is_district_board:
        board_address = board_addresses()
        covering = list(
            Board.objects.filter(
                district__isnull=False, extra_units__in=[unit["pk"] for unit in units]
            )
            .distinct()
            .values("name", "slug", "district__slug")
        )
        for other in covering:
            other["url"] = board_address(other)
    groups = []
    for role in ROLE_ORDER:
        rows = [
            {
                "name": member.name,
                "house": member.house.name if member.house else "",
                "is_secretary": member.is_secretary,
                "votes": member.votes,
                "is_demo": member.is_demo,
            }
            for member in members
            if member.role == role
        ]
        if rows:
            groups.append((role.label, rows))
    pdf_address = addresses("governance:bylaws_file", "pk")
    versions = list(
        Bylaws.objects.in_force(today)
        .filter(boards=board)
        .values("pk", "title", "effective_date", "text", "signed_pdf", "is_demo")
    )
    for version in versions:
        version["pdf_url"] = pdf_address(version["pk"]) if version["signed_pdf"] else ""
        version["day"] = long_date(version["effective_date"])
    meetings = list(
        BoardMeeting.objects.published()
        .filter(board=board)
        .values("date", "agenda", "minutes", "is_demo")[:10]
    )
    for meeting in meetings:
        meeting["day"] = capfirst(long_date(meeting["date"]))
    context = {
        "board": board,
        "groups": groups,
        "units": units,
        "covering_boards": covering,
        "current_bylaws": versions[0] if versions else None,
        "earlier_bylaws": versions[1:],
        "meetings": meetings,
        "election": next_september_election(today),
        "demo_badge": demo_badge(),
    }
    return render(request, "governance/board_detail.html", context)


def bylaws_file(request, pk):
    """The signed copy of a version of the by-laws: public once the version belongs to a
    board (the board page lists it); 404 otherwise."""
    bylaws = get_object_or_404(Bylaws.objects.filter(boards__isnull=False).distinct(), pk=pk)
    if not bylaws.signed_pdf:
        raise Http404
    return serve_stored_file(bylaws.signed_pdf.name, bylaws.download_name, request=request)
