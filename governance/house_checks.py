"""What a house's council and its parents on a board ask of the house, told to
``districts`` (``districts.dependents``, registered in ``GovernanceConfig.ready``): a
house with either stays a daycare house, and stays in the district whose board they sit
on, until they are removed; and the house page, which shows its council, counts the
council's changes in its "Sidst opdateret"."""

from django.db.models import OuterRef
from django.utils.translation import gettext as _

from districts.models import latest_change

from .models import Board, CouncilMember


def council_history():
    """The newest change of the house council of the institution ``OuterRef("pk")``: a
    member added, changed or removed."""
    return latest_change(CouncilMember, house_id=OuterRef("pk"))


def boards_with_parents_of(house, districts=None):
    """The boards on which parents represent ``house`` (those of ``districts`` only, when
    given) and which do not cover it besides its district (Dagplejen on Hedegård's)."""
    boards = Board.objects.filter(memberships__house=house).exclude(extra_units=house)
    if districts is not None:
        boards = boards.filter(district__in=districts)
    return list(boards.distinct().values_list("name", flat=True))


def daycare_check(house):
    problems = []
    if CouncilMember.objects.filter(house=house).exists():
        problems.append(
            _(
                "Huset har et husråd, og husråd findes kun i børnehuse og "
                "distriktsinstitutioner. Fjern husrådets medlemmer først, og skift så typen."
            )
        )
    boards = boards_with_parents_of(house)
    if boards:
        problems.append(
            _(
                "Huset har forældrerepræsentanter i %(boards)s. Fjern dem fra bestyrelsen "
                "først, og skift så typen."
            )
            % {"boards": ", ".join(boards)}
        )
    return " ".join(problems) or None


def district_check(house, districts):
    boards = boards_with_parents_of(house, districts) if districts else []
    if not boards:
        return None
    return _(
        "Huset har forældrerepræsentanter i %(boards)s. Fjern dem fra bestyrelsen først, "
        "og tag så huset ud af distriktet."
    ) % {"boards": ", ".join(boards)}
