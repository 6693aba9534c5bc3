"""Public pages: every parent board, and one board with its members, by-laws and minutes."""

from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from core.files import serve_stored_file

from .constants import BoardRole
from .models import Board, BoardMeeting, Bylaws, GovernanceText, Membership, next_september_election

ROLE_ORDER = [
    BoardRole.PARENT,
    BoardRole.STAFF,
    BoardRole.PEDAGOGICAL_LEADER,
    BoardRole.DISTRICT_LEADER,
]


def board_list(request):
    boards = Board.objects.select_related("district")
    context = {
        "boards": boards,
        "texts": GovernanceText.objects.first(),
        "election": next_september_election(),
    }
    return render(request, "governance/board_list.html", context)


def board_detail(request, slug):
    today = timezone.localdate()
    board = get_object_or_404(
        Board.objects.select_related("district").prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.current(today).select_related("house"),
                to_attr="current_members",
            ),
            Prefetch("bylaws", queryset=Bylaws.objects.in_force(today), to_attr="versions"),
        ),
        # A district's board is found by the district's address; Dagplejen's by its own.
        Q(district__slug=slug) | Q(district=None, slug=slug),
    )
    # The houses it covers: its district's daycare units, and units it covers besides
    # (Hedegård's board covers Dagplejen too; Baltorp's does not, 001).
    units = list(board.units())
    # Dagplejen's own board names the district board its units also sit under (001).
    covering = []
    if not board.is_district_board:
        covering = (
            Board.objects.select_related("district")
            .filter(district__isnull=False, extra_units__in=[unit.pk for unit in units])
            .distinct()
        )
    groups = [
        (role.label, [m for m in board.current_members if m.role == role]) for role in ROLE_ORDER
    ]
    context = {
        "board": board,
        "groups": [(label, members) for label, members in groups if members],
        "units": units,
        "covering_boards": covering,
        "current_bylaws": board.versions[0] if board.versions else None,
        "earlier_bylaws": board.versions[1:],
        "meetings": BoardMeeting.objects.published().filter(board=board)[:10],
        "election": next_september_election(today),
    }
    return render(request, "governance/board_detail.html", context)


def bylaws_file(request, pk):
    """The signed copy of a version of the by-laws: public once the version belongs to a
    board (the board page lists it); 404 otherwise."""
    bylaws = get_object_or_404(Bylaws.objects.filter(boards__isnull=False).distinct(), pk=pk)
    if not bylaws.signed_pdf:
        raise Http404
    return serve_stored_file(bylaws.signed_pdf.name, bylaws.download_name, request=request)
