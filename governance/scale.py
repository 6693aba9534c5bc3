"""Ten times the parent boards, their members and minutes, the house councils' members
and the by-laws' versions (``manage.py create_scale_data``). Where there are none (the
seed only, as in the benchmark's database) the demo's count: five members and a meeting
per board, a council member per house, one version of the by-laws."""

import datetime

from django.utils import timezone

from core.scale_data import MARK
from districts.constants import DAYCARE_TYPES
from districts.models import Institution

from .constants import BoardRole, CouncilRole
from .models import Board, BoardMeeting, Bylaws, CouncilMember, Membership


def create(factor=10):
    """(factor − 1) members, published meetings, council members and by-laws versions
    per existing one, and (factor − 1) boards per existing board: boards like Dagplejen's
    (no district), each for two of the scale data's houses, with their parents, a staff
    member and published minutes. Runs once."""
    if Board.objects.filter(name__startswith=MARK).exists():
        return False
    today = timezone.localdate()
    september = datetime.date(today.year if today.month >= 9 else today.year - 1, 9, 15)
    term = {"term_start": september, "elected_at": september, "is_demo": True}
    houses = list(
        Institution.objects.filter(
            name__startswith=MARK, institution_type__in=DAYCARE_TYPES
        ).order_by("pk")
    )
    numbers = iter(range(1, 10**6))
    existing = list(Board.objects.order_by("pk"))
    for board in existing:
        units = list(board.units())
        for n in range((board.memberships.count() or 5) * (factor - 1)):
            parent = units and n % 2 == 0
            Membership.objects.create(
                board=board,
                name=f"{MARK} medlem {next(numbers)}",
                role=BoardRole.PARENT if parent else BoardRole.STAFF,
                house=units[n % len(units)] if parent else None,
                **term,
            )
        for n in range((board.meetings.count() or 1) * (factor - 1)):
            days = 14 * (n // 2 + 1)
            ahead = n % 2 == 0
            BoardMeeting.objects.create(
                board=board,
                date=today + datetime.timedelta(days=days if ahead else -days),
                published=True,
                is_demo=True,
                agenda="- Budget\n- Forældremødet",
                minutes="" if ahead else f"{MARK}: bestyrelsen drøftede budgettet.",
            )
    for n in range(len(existing) * (factor - 1)):
        board = Board.objects.create(name=f"{MARK} bestyrelse {n + 1}", slug=f"demodata-{n + 1}")
        units = houses[2 * n : 2 * n + 2]
        board.extra_units.set(units)
        for house in units:
            Membership.objects.create(
                board=board,
                name=f"{MARK} medlem {next(numbers)}",
                role=BoardRole.PARENT,
                house=house,
                **term,
            )
        Membership.objects.create(
            board=board, name=f"{MARK} medlem {next(numbers)}", role=BoardRole.STAFF, **term
        )
        BoardMeeting.objects.create(
            board=board,
            date=today - datetime.timedelta(days=20),
            published=True,
            is_demo=True,
            agenda="- Budget",
            minutes=f"{MARK}: bestyrelsen drøftede budgettet.",
        )
    councils = [member.house for member in CouncilMember.objects.select_related("house")]
    if not councils:
        councils = list(
            Institution.objects.filter(institution_type__in=DAYCARE_TYPES)
            .exclude(name__startswith=MARK)
            .order_by("name")
        )
    for house in councils:
        for _n in range(factor - 1):
            CouncilMember.objects.create(
                house=house,
                name=f"{MARK} husrådsmedlem {next(numbers)}",
                role=CouncilRole.PARENT,
                **term,
            )
    boards = list(Board.objects.all())
    latest = [bylaws.effective_date for bylaws in Bylaws.objects.all()] or [today]
    for effective in latest:
        for n in range(factor - 1):
            version = Bylaws.objects.create(
                title=f"{MARK} vedtægter {next(numbers)}",
                effective_date=effective - datetime.timedelta(days=365 * (n + 1)),
                text=f"{MARK}: disse vedtægter er opdigtede.",
                is_demo=True,
            )
            version.boards.set(boards)
    return True
