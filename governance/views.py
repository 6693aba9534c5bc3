"""Public pages: every parent board, and one board with its members, by-laws and minutes."""

from django.db.models import F, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core.bidi import isolate
from core.dates import long_date
from core.files import serve_stored_file
from core.rows import demo_badge, link_maker
from districts.models import District

from .constants import NON_VOTING_ROLES, BoardRole
from .listing import board_addresses
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


MEMBER_FIELDS = ("id", "name", "role", "is_secretary", "is_demo", "term_start", "term_end")


def _board_and_members(slug, today):
    """The board (a district's by the district's address, Dagplejen's by its own) and
    its current members as values, in one query.

    A district's board wins when a board without a district has the same slug (a
    district named like it): the board is chosen first, and only its members are read,
    so the page shows that one board, with or without members, never the other's."""
    chosen = (
        Board.objects.filter(Q(district__slug=slug) | Q(district=None, slug=slug))
        .order_by(F("district").asc(nulls_last=True))
        .values("pk")[:1]
    )
    # The board joined to every member it has had (one row without a member when it
    # has none); the current term's are picked here (``Term.holds``).
    rows = list(
        Board.objects.filter(pk=Subquery(chosen))
        .order_by("memberships__role", "memberships__name", "memberships__id")
        .values(
            "pk",
            "name",
            "slug",
            "district_id",
            "district__name",
            "district__slug",
            "memberships__house__name",
            *(f"memberships__{field}" for field in MEMBER_FIELDS),
        )
    )
    if not rows:
        raise Http404
    row = rows[0]
    board = Board(pk=row["pk"], name=row["name"], slug=row["slug"])
    if row["district_id"] is not None:
        board.district = District(
            pk=row["district_id"], name=row["district__name"], slug=row["district__slug"]
        )
    members = [
        {
            "house__name": row["memberships__house__name"],
            **{field: row[f"memberships__{field}"] for field in MEMBER_FIELDS},
        }
        for row in rows
        if row["memberships__id"] is not None
    ]
    current = [m for m in members if Membership.holds(m["term_start"], m["term_end"], today)]
    return board, current


def _member_groups(members, is_district_board):
    """The members by role, in the page's order of roles: ``(role, [row])`` where a
    row's ``text`` is the line the page shows (name, house, and on a district board
    whether they are the secretary, and that a leader attends without a vote)."""
    secretary, no_vote = escape(_("sekretær")), escape(_("deltager uden stemmeret"))
    groups = []
    for role in ROLE_ORDER:
        rows = []
        for member in members:
            if member["role"] != role:
                continue
            # HTML: the names in <bdi> when written right to left (core.bidi).
            text = isolate(member["name"])
            if member["house__name"]:
                text += f" ({isolate(member['house__name'])})"
            if is_district_board:
                if member["is_secretary"]:
                    text += f", {secretary}"
                if member["role"] in NON_VOTING_ROLES:
                    text += f" – {no_vote}"
            rows.append({"text": SafeString(text), "is_demo": member["is_demo"]})
        if rows:
            groups.append((role.label, rows))
    return groups


# How many minutes the board's page shows; the rest are on the minutes page.
NEWEST_MINUTES = 10


def _published_meetings(board, limit=None):
    """The board's published meetings as values, newest first, each with its ``day``."""
    meetings = (
        BoardMeeting.objects.published()
        .filter(board=board)
        .order_by("-date", "-pk")
        .values("date", "agenda", "minutes", "is_demo")
    )
    meetings = list(meetings if limit is None else meetings[:limit])
    for meeting in meetings:
        meeting["day"] = capfirst(long_date(meeting["date"]))
    return meetings


def board_minutes(request, slug):
    """Every published agenda and minutes of a board, newest first, by year: the board's
    page shows the newest ``NEWEST_MINUTES``."""
    board, _members = _board_and_members(slug, timezone.localdate())
    years = {}
    for meeting in _published_meetings(board):
        years.setdefault(meeting["date"].year, []).append(meeting)
    context = {"board": board, "years": list(years.items()), "demo_badge": demo_badge()}
    return render(request, "governance/board_minutes.html", context)


def board_detail(request, slug):
    today = timezone.localdate()
    board, members = _board_and_members(slug, today)
    # The houses it covers: its district's daycare units, and units it covers besides
    # (Hedegård's board covers Dagplejen too; Baltorp's does not, 001).
    institution_address = link_maker("districts:institution_detail", "slug")
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
    pdf_address = link_maker("governance:bylaws_file", "pk")
    versions = list(
        Bylaws.objects.in_force(today)
        .filter(boards=board)
        .values("pk", "title", "effective_date", "text", "signed_pdf", "is_demo")
    )
    for version in versions:
        version["pdf_url"] = pdf_address(version["pk"]) if version["signed_pdf"] else ""
        version["day"] = long_date(version["effective_date"])
    # The newest on the board's page; every one on its minutes page (board_minutes).
    meetings = _published_meetings(board, NEWEST_MINUTES + 1)
    all_minutes = len(meetings) > NEWEST_MINUTES
    context = {
        "board": board,
        "groups": _member_groups(members, board.is_district_board),
        "units": units,
        "covering_boards": covering,
        "current_bylaws": versions[0] if versions else None,
        "earlier_bylaws": versions[1:],
        "meetings": meetings[:NEWEST_MINUTES],
        "all_minutes": all_minutes,
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
