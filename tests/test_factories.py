"""Every app's factories make objects that pass the models' own validation."""

import pytest

from tests.culture.factories import EventFactory, MeetingFactory, NetworkFactory, ProjectFactory
from tests.governance.factories import (
    BoardFactory,
    BoardMeetingFactory,
    CouncilMemberFactory,
    MembershipFactory,
)

FACTORIES = [
    NetworkFactory,
    EventFactory,
    MeetingFactory,
    ProjectFactory,
    BoardFactory,
    MembershipFactory,
    BoardMeetingFactory,
    CouncilMemberFactory,
]


@pytest.mark.parametrize("factory", FACTORIES, ids=lambda f: f.__name__)
def test_a_factory_makes_a_valid_object(db, factory):
    made = factory()
    made.full_clean()
    assert type(made).objects.filter(pk=made.pk).exists()
