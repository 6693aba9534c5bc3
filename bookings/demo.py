"""Demo booking data for a local run: the contact persons ``kontakt-valhalla``
(Børnehuset Valhalla) and ``kontakt-baltorpskolen`` (Baltorpskolen), demo people with a
kulturkontaktperson role, and each network's demo performance made bookable with two
showings. All marked as demo data."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from culture.models import Event
from districts.constants import RoleType
from districts.demo import account, person_of
from districts.models import Institution, Role

from .constants import CONTACT_GROUP
from .models import AgeBand, Offer, Showing

CONTACTS = {
    "kontakt-valhalla": "boernehuset-valhalla",
    "kontakt-baltorpskolen": "baltorpskolen",
}


def create():
    if Role.objects.filter(
        role_type=RoleType.CULTURE_CONTACT, person__user__username__in=CONTACTS
    ).exists():
        return False
    for username, slug in CONTACTS.items():
        institution = Institution.objects.filter(slug=slug).first()
        if institution is None:
            continue
        person = person_of(account(username, CONTACT_GROUP))
        Role.objects.create(
            person=person, role_type=RoleType.CULTURE_CONTACT, institution=institution
        )
    now = timezone.now()
    bands = list(AgeBand.objects.filter(slug__in=["3-5-aar", "0-3-klasse"]))
    for event in Event.objects.filter(is_demo=True, offer__isnull=True):
        offer = Offer.objects.create(
            event=event,
            booking_opens=now - timedelta(days=1),
            booking_closes=event.starts_at - timedelta(days=7),
        )
        offer.audience.set(bands)
        day = timezone.localdate(event.starts_at)
        for offset, hour in ((0, time(9, 30)), (1, time(10, 30))):
            Showing.objects.create(
                offer=offer,
                starts_at=timezone.make_aware(datetime.combine(day + timedelta(days=offset), hour)),
                venue=event.venue,
                places=40,
            )
    return True
