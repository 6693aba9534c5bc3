"""What a visitor can hear about, as short codes in forms and signed links: ``c3`` the
closing days of district 3, ``m3`` its board's minutes, ``r17`` the inspection reports of
house 17."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from core.bidi import isolate_text
from daycare.models.inspection import INSPECTED_TYPES
from districts.constants import DAYCARE_TYPES, InstitutionType
from districts.models import District, Institution

from .constants import Topic
from .models import Subscription

PREFIX = {Topic.CLOSING_DAYS: "c", Topic.MINUTES: "m", Topic.REPORTS: "r"}
TOPIC = {prefix: topic for topic, prefix in PREFIX.items()}


@dataclass(frozen=True)
class Choice:
    code: str
    label: str


def decode(code):
    """``(topic, id)`` or ``None`` for a code that is not one."""
    topic = TOPIC.get(code[:1]) if isinstance(code, str) else None
    number = code[1:]
    if topic is None or not (number.isascii() and number.isdigit()) or len(number) > 12:
        return None
    return topic, int(number)


def label(topic, place):
    # Isolated in the text itself: the label is a page's and a plain-text mail's.
    name = isolate_text(place.name)
    if topic == Topic.CLOSING_DAYS:
        return _("Lukkedage og alternativ pasning i distrikt %(name)s") % {"name": name}
    if topic == Topic.MINUTES:
        return _("Nye referater fra forældrebestyrelsen i distrikt %(name)s") % {"name": name}
    return _("Nye tilsynsrapporter for %(name)s") % {"name": name}


def for_district(district):
    return [
        Choice(f"c{district.pk}", label(Topic.CLOSING_DAYS, district)),
        Choice(f"m{district.pk}", label(Topic.MINUTES, district)),
    ]


def for_house(house, districts):
    """A house's own reports (if it is inspected) and its districts' closing days (if it is
    daycare) and minutes."""
    choices = []
    if house.institution_type in INSPECTED_TYPES:
        choices.append(Choice(f"r{house.pk}", label(Topic.REPORTS, house)))
    for district in districts:
        if house.institution_type in (*DAYCARE_TYPES, InstitutionType.FAMILY_DAYCARE):
            choices.append(Choice(f"c{district.pk}", label(Topic.CLOSING_DAYS, district)))
        choices.append(Choice(f"m{district.pk}", label(Topic.MINUTES, district)))
    return choices


def for_closing_days(districts):
    return [Choice(f"c{d.pk}", label(Topic.CLOSING_DAYS, d)) for d in districts]


def resolve(codes):
    """The valid codes among ``codes`` with their places: ``[(code, topic, place)]``."""
    decoded = {code: decode(code) for code in set(codes)}
    decoded = {code: value for code, value in decoded.items() if value}
    district_ids = {n for topic, n in decoded.values() if topic != Topic.REPORTS}
    house_ids = {n for topic, n in decoded.values() if topic == Topic.REPORTS}
    districts = District.objects.in_bulk(district_ids) if district_ids else {}
    houses = (
        Institution.objects.filter(institution_type__in=INSPECTED_TYPES).in_bulk(house_ids)
        if house_ids
        else {}
    )
    resolved = []
    for code, (topic, number) in sorted(decoded.items()):
        place = (houses if topic == Topic.REPORTS else districts).get(number)
        if place is not None:
            resolved.append((code, topic, place))
    return resolved


def code_of(subscription):
    return f"{PREFIX[subscription.topic]}{subscription.house_id or subscription.district_id}"


def subscribe(subscriber, codes):
    """Add the subscriptions ``codes`` name (those already there stay as they are)."""
    Subscription.objects.bulk_create(
        [
            Subscription(
                subscriber=subscriber,
                topic=topic,
                district=None if topic == Topic.REPORTS else place,
                house=place if topic == Topic.REPORTS else None,
            )
            for _code, topic, place in resolve(codes)
        ],
        ignore_conflicts=True,
    )


def current(subscriber):
    """The subscriber's choices, and the other choices for the same places, as
    ``[(Choice, chosen)]``: what the page for changing them offers."""
    subscriptions = list(subscriber.subscriptions.select_related("district", "house"))
    chosen = {code_of(s) for s in subscriptions}
    offered = {}
    for subscription in subscriptions:
        if subscription.house_id:
            offered[code_of(subscription)] = label(Topic.REPORTS, subscription.house)
        else:
            for choice in for_district(subscription.district):
                offered[choice.code] = choice.label
    return [(Choice(code, text), code in chosen) for code, text in sorted(offered.items())]
