"""The culture vocabulary, from the brochure (000_85f1f5d3261a24a3.txt).

Each district has a local culture network of four members, one from each of daycare,
after-school care (fritidsordning/BFO), school and club. One of them is the culture
network coordinator (kulturnetværkskoordinator); the other three are culture ambassadors
(kulturambassadører). The coordinator is an ambassador too.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from districts.constants import InstitutionType


class SeatType(models.TextChoices):
    DAYCARE = "dagtilbud", _("Dagtilbud")
    AFTER_SCHOOL = "bfo", _("Fritidsordning / BFO")
    SCHOOL = "skole", _("Skole")
    CLUB = "klub", _("Klub")


# A seat as a sentence reads it: "Kulturambassadør for fritidsordningen (BFO)", not the
# choice label lower-cased ("fritidsordning / bfo").
SEAT_WORDS = {
    SeatType.DAYCARE: _("dagtilbuddene"),
    SeatType.AFTER_SCHOOL: _("fritidsordningen (BFO)"),
    SeatType.SCHOOL: _("skolen"),
    SeatType.CLUB: _("klubben"),
}

# Which institutions a seat's holder may come from.
SEAT_INSTITUTION_TYPES = {
    SeatType.DAYCARE: (
        InstitutionType.DAYCARE_HOUSE,
        InstitutionType.DISTRICT_INSTITUTION,
        InstitutionType.FAMILY_DAYCARE,
    ),
    # A school's BFO is part of the school in the lists.
    SeatType.AFTER_SCHOOL: (
        InstitutionType.AFTER_SCHOOL,
        InstitutionType.SCHOOL,
        InstitutionType.SPECIAL_SCHOOL,
    ),
    SeatType.SCHOOL: (InstitutionType.SCHOOL, InstitutionType.SPECIAL_SCHOOL),
    SeatType.CLUB: (InstitutionType.CLUB,),
}


class MeetingKind(models.TextChoices):
    NETWORK = "netvaerksmoede", _("Netværksmøde")
    SERVICE = "kulturtjenestemoede", _("Møde med kulturtjenesten")
    INSPIRATION_DAY = "inspirationsdag", _("Inspirationsdag")


class ProjectStatus(models.TextChoices):
    PLANNED = "planlagt", _("Planlagt")
    ONGOING = "i_gang", _("I gang")
    DONE = "afsluttet", _("Afsluttet")
