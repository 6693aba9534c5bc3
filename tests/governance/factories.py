"""factory_boy factories for the governance app's models: boards, their members and
meetings, and the house councils' members."""

import datetime

import factory
from django.utils import timezone

from governance.constants import BoardRole, CouncilRole
from governance.models import Board, BoardMeeting, CouncilMember, Membership
from tests.districts.factories import DistrictFactory, InstitutionFactory


class BoardFactory(factory.django.DjangoModelFactory):
    """A new district's board: saving a district makes its board (governance/apps.py),
    so the factory takes that one."""

    class Meta:
        model = Board
        django_get_or_create = ["district"]

    name = factory.Sequence(lambda n: f"Forældrebestyrelsen i distrikt {n}")
    slug = factory.Sequence(lambda n: f"bestyrelse-{n}")
    district = factory.SubFactory(DistrictFactory)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    board = factory.SubFactory(BoardFactory)
    name = factory.Sequence(lambda n: f"Forælder {n}")
    role = BoardRole.PARENT
    # A parent represents a house of the board's district.
    house = factory.LazyAttribute(lambda m: InstitutionFactory(districts=[m.board.district]))


class BoardMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoardMeeting

    board = factory.SubFactory(BoardFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))
    minutes = "Bestyrelsen drøftede årets arrangementer."
    published = True


class CouncilMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CouncilMember

    house = factory.SubFactory(InstitutionFactory)
    name = factory.Sequence(lambda n: f"Husrådsmedlem {n}")
    role = CouncilRole.PARENT
