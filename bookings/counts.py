"""The counts of the booking pages and mails in Danish, singular and plural: "1 ledig
plads af 1", "18 ledige pladser af 40", "1 barn og 1 voksen". The templates use them
through ``{% load booking_counts %}``; the rows written in Python call them directly."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def places_left(left, places):
    """``1, 1`` → "1 ledig plads af 1"; ``19, 40`` → "19 ledige pladser af 40"."""
    return ngettext(
        "%(left)s ledig plads af %(places)s", "%(left)s ledige pladser af %(places)s", left
    ) % {"left": left, "places": places}


def places_booked(taken, places):
    """``1, 1`` → "1 af 1 plads booket"; ``33, 40`` → "33 af 40 pladser booket"."""
    return ngettext(
        "%(taken)s af %(places)s plads booket", "%(taken)s af %(places)s pladser booket", places
    ) % {"taken": taken, "places": places}


def party(children, adults):
    """``1, 1`` → "1 barn og 1 voksen"; ``18, 3`` → "18 børn og 3 voksne"."""
    return _("%(children)s og %(adults)s") % {
        "children": ngettext("%(count)s barn", "%(count)s børn", children) % {"count": children},
        "adults": ngettext("%(count)s voksen", "%(count)s voksne", adults) % {"count": adults},
    }
