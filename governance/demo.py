"""Demo board members, house councils, by-laws and minutes for a local run, all marked
as demo data. The sources name none of them."""

import datetime

from django.utils import timezone

from districts.constants import DAYCARE_TYPES
from districts.demo import demo_names

from .constants import BoardRole, CouncilRole
from .models import Board, BoardMeeting, Bylaws, CouncilMember, Membership


def create():
    if Membership.objects.filter(is_demo=True).exists():
        return False
    names = demo_names()  # each a new name; board members are not staff people
    today = timezone.localdate()
    september = datetime.date(today.year if today.month >= 9 else today.year - 1, 9, 15)
    term = {"term_start": september, "elected_at": september, "is_demo": True}
    for board in Board.objects.select_related("district"):
        houses = []
        if board.district:
            houses = list(board.district.institutions.filter(institution_type__in=DAYCARE_TYPES))
        for house in houses[:3]:
            Membership.objects.create(
                board=board, name=next(names), role=BoardRole.PARENT, house=house, **term
            )
        Membership.objects.create(board=board, name=next(names), role=BoardRole.STAFF, **term)
        if board.district:
            leader = board.district.leader
            Membership.objects.create(
                board=board,
                name=leader.name if leader else next(names),
                role=BoardRole.DISTRICT_LEADER,
                is_secretary=True,
                **term,
            )
        BoardMeeting.objects.create(
            board=board,
            date=today - datetime.timedelta(days=20),
            published=True,
            is_demo=True,
            agenda="- Budget\n- Den pædagogiske læreplan",
            minutes="Demodata: bestyrelsen drøftede budgetrammen.",
        )
        for house in houses:
            CouncilMember.objects.create(
                house=house, name=next(names), role=CouncilRole.PARENT, **term
            )
    bylaws = Bylaws.objects.create(
        title="Demodata: Vedtægter for forældrebestyrelserne",
        effective_date=datetime.date(today.year - 1, 1, 1),
        text="Demodata: disse vedtægter er opdigtede.",
        is_demo=True,
    )
    bylaws.boards.set(Board.objects.all())
    return True
