"""What a visitor can hear about, as short codes in forms and signed links: ``c3`` the
closing days of district 3, ``b5`` the minutes of parent board 5, ``r17`` the inspection
reports of house 17.

Minutes are a board's, not a district's: Dagplejen sits under Hedegård's board (and has a
board of its own) though it is in Baltorp's district, and a school is in a district but
under no parent board. A house offers the boards that cover it, from the same rows its
page's board box shows (``governance.listing.boards_covering``). Before minutes were per
board, ``m3`` named district 3's minutes: such a code, in a link or a page from then,
stands for district 3's board (``b…``)."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from core.bidi import isolate_text
from daycare.models.inspection import INSPECTED_TYPES
from districts.constants import DAYCARE_TYPES, InstitutionType
from districts.models import District, Institution
from governance.listing import boards_covering, district_boards
from governance.models import Board

from .constants import Topic
from .models import Subscription

PREFIX = {Topic.CLOSING_DAYS: "c", Topic.MINUTES: "b", Topic.REPORTS: "r"}
# The district's minutes, as codes were before minutes were per board.
DISTRICT_MINUTES = "m"
TOPIC = {**{prefix: topic for topic, prefix in PREFIX.items()}, DISTRICT_MINUTES: Topic.MINUTES}
KINDS = set(TOPIC)
# The order a page lists choices in: closing days, minutes, reports.
ORDER = {prefix: index for index, prefix in enumerate("cbr")}


@dataclass(frozen=True)
class Choice:
    code: str
    label: str


def decode(code):
    """``(prefix, id)`` or ``None`` for a code that is not one."""
    kind = code[:1] if isinstance(code, str) else None
    if kind not in KINDS:
        return None
    number = code[1:]
    if not (number.isascii() and number.isdigit()) or len(number) > 12:
        return None
    return kind, int(number)


def code(topic, place):
    return f"{PREFIX[topic]}{place.pk}"


def label(topic, place):
    # Isolated in the text itself: the label is a page's and a plain-text mail's.
    name = isolate_text(place.name)
    if topic == Topic.CLOSING_DAYS:
        return _("Lukkedage og alternativ pasning i distrikt %(name)s") % {"name": name}
    if topic == Topic.MINUTES:
        return _("Nye referater fra %(name)s") % {"name": name}
    return _("Nye tilsynsrapporter for %(name)s") % {"name": name}


def choice(topic, place):
    return Choice(code(topic, place), label(topic, place))


def for_district(district, board=None):
    """A district's closing days and its board's minutes (``board``: the district's, a
    row of ``governance.listing`` or a ``Board``)."""
    choices = [choice(Topic.CLOSING_DAYS, district)]
    if board is not None:
        choices.append(choice(Topic.MINUTES, board))
    return choices


def for_districts(districts, request=None):
    """Each district's choices, its board's from the boards the pages show."""
    boards = district_boards(request)
    return [c for district in districts for c in for_district(district, boards.get(district.pk))]


def for_house(house, districts, request=None):
    """A house's own reports (if it is inspected), its districts' closing days (if it is
    daycare) and the minutes of the boards that cover it (none for a school or a club)."""
    choices = []
    if house.institution_type in INSPECTED_TYPES:
        choices.append(choice(Topic.REPORTS, house))
    if house.institution_type in (*DAYCARE_TYPES, InstitutionType.FAMILY_DAYCARE):
        choices += for_closing_days(districts)
    choices += [
        choice(Topic.MINUTES, board) for board in boards_covering(house, request, districts)
    ]
    return choices


def for_closing_days(districts):
    return [choice(Topic.CLOSING_DAYS, d) for d in districts]


def resolve(codes):
    """The valid codes among ``codes`` with their places, ``[(code, topic, place)]``, in
    the order given and each place once; an old district-minutes code as its board's
    (``m3`` → ``b5``)."""
    return unique(translate(codes).values())


def labels(codes):
    """The labels of the valid codes among ``codes``: closing days, minutes, reports."""
    found = sorted(resolve(codes), key=lambda found: ORDER[found[0][0]])
    return [label(topic, place) for _code, topic, place in found]


def unique(found):
    """``found`` (``(code, topic, place)``) with each code once, in the order given."""
    return list({code: (code, topic, place) for code, topic, place in found}.values())


def translate(codes):
    """Each valid code among ``codes``: ``{given code: (code, topic, place)}``, in the
    order given."""
    decoded = {given: decode(given) for given in dict.fromkeys(codes)}
    decoded = {given: value for given, value in decoded.items() if value}
    ids = {kind: set() for kind in KINDS}
    for kind, number in decoded.values():
        ids[kind].add(number)
    districts = District.objects.in_bulk(ids["c"]) if ids["c"] else {}
    houses = (
        Institution.objects.filter(institution_type__in=INSPECTED_TYPES).in_bulk(ids["r"])
        if ids["r"]
        else {}
    )
    boards, of_district = {}, {}
    if ids["b"] or ids[DISTRICT_MINUTES]:
        wanted = Q(pk__in=ids["b"]) | Q(district__in=ids[DISTRICT_MINUTES])
        for board in Board.objects.filter(wanted):
            boards[board.pk] = board
            if board.district_id is not None:
                of_district[board.district_id] = board
    places = {"c": districts, "r": houses, "b": boards, DISTRICT_MINUTES: of_district}
    found = {}
    for given, (kind, number) in decoded.items():
        place = places[kind].get(number)
        if place is not None:
            topic = TOPIC[kind]
            found[given] = (code(topic, place), topic, place)
    return found


def code_of(subscription):
    place = subscription.house_id or subscription.district_id or subscription.board_id
    return f"{PREFIX[subscription.topic]}{place}"


def subscribe(subscriber, codes):
    """Add the subscriptions ``codes`` name (those already there stay as they are)."""
    Subscription.objects.bulk_create(
        [
            Subscription(
                subscriber=subscriber,
                topic=topic,
                district=place if topic == Topic.CLOSING_DAYS else None,
                house=place if topic == Topic.REPORTS else None,
                board=place if topic == Topic.MINUTES else None,
            )
            for _code, topic, place in resolve(codes)
        ],
        ignore_conflicts=True,
    )


def _board_of(district):
    # Every district has its board (001); a missing one offers none.
    return getattr(district, "parent_board", None)


def current(subscriber):
    """The subscriber's choices, and the other choices for the same places (a district's
    closing days and its board's minutes), as ``[(Choice, chosen)]``: what the page for
    changing them offers."""
    subscriptions = list(
        subscriber.subscriptions.select_related(
            "district__parent_board", "house", "board__district"
        )
    )
    chosen = {code_of(s) for s in subscriptions}
    offered = set()
    for subscription in subscriptions:
        if subscription.house_id:
            offered.add(choice(Topic.REPORTS, subscription.house))
        elif subscription.board_id:
            board = subscription.board
            offered.add(choice(Topic.MINUTES, board))
            if board.district is not None:
                offered.add(choice(Topic.CLOSING_DAYS, board.district))
        else:
            district = subscription.district
            offered.update(for_district(district, _board_of(district)))
    ordered = sorted(offered, key=lambda c: (ORDER[c.code[0]], c.label, c.code))
    return [(c, c.code in chosen) for c in ordered]
