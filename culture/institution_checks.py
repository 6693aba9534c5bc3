"""What a culture seat asks of the institution it is held from, told to ``districts``
(``districts.dependents``, registered in ``CultureConfig.ready``): the institution keeps
a type that fits the seat, and stays in the network's district, until the seat is given
to another institution. Otherwise the seat would break the seat rules (``Seat.clean``),
and the administrator could no longer save the network's page for a seat nobody
touched."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .constants import SEAT_INSTITUTION_TYPES, SeatType
from .models import Seat


def _seats_of(institution):
    return Seat.objects.filter(institution=institution).select_related(
        "network__district", "person"
    )


def _seat_name(seat):
    """ "pladsen for skolen i Kulturnetværk Baltorp (Anne Hansen)"."""
    return _("pladsen for %(seat)s i %(network)s (%(person)s)") % {
        "person": seat.person.name,
        "seat": seat.seat_words,
        "network": seat.network,
    }


def type_check(institution):
    if institution.pk is None:
        return None
    unfit = [
        seat
        for seat in _seats_of(institution)
        if institution.institution_type
        not in SEAT_INSTITUTION_TYPES.get(SeatType(seat.seat_type), ())
    ]
    if not unfit:
        return None
    return ngettext(
        "Institutionen har %(seats)s, og en %(type)s kan ikke have den. Giv pladsen til en "
        "anden institution først, og skift så typen.",
        "Institutionen har %(seats)s, og en %(type)s kan ikke have dem. Giv pladserne til "
        "andre institutioner først, og skift så typen.",
        len(unfit),
    ) % {
        "seats": ", ".join(_seat_name(seat) for seat in unfit),
        "type": institution.get_institution_type_display().lower(),
    }


def district_check(institution, districts):
    if institution.pk is None or not districts:
        return None
    seats = list(_seats_of(institution).filter(network__district__in=districts))
    if not seats:
        return None
    return ngettext(
        "Institutionen har %(seats)s. Giv pladsen til en anden institution først, og tag "
        "så institutionen ud af distriktet.",
        "Institutionen har %(seats)s. Giv pladserne til andre institutioner først, og tag "
        "så institutionen ud af distriktet.",
        len(seats),
    ) % {"seats": ", ".join(_seat_name(seat) for seat in seats)}
