"""What the closing-day page, the calendar feeds and the next-closing-day box write about
a day, made once per day in Python from ``ClosingDayQuerySet.rows()``: the Danish dates,
where alternative care is offered (the houses linked), the sign-up deadline and what
changed since the day was published.

The pages list many days with a place per district each: a template would run a
translation, a ``{% url %}`` and a date filter per row and per place; here each text is
made once, each link's address is built from one ``reverse()`` per page, and each date is
written once per page (``Dates``). Every text stays in gettext, with the same msgids as
the templates had."""

from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from core.dates import long_date, week_number
from daycare.addresses import Addresses


def capfirst(text):
    return text[:1].upper() + text[1:]


class Dates:
    """``long_date`` of a date, written once per page however many rows show it (the
    days were published at few moments)."""

    def __init__(self):
        self.written = {}

    def __call__(self, value):
        text = self.written.get(value)
        if text is None:
            text = self.written[value] = long_date(value)
        return text


class HouseLinks:
    """``<a href="/institutioner/<slug>/">name</a>``, joined by commas."""

    def __init__(self):
        self.address = Addresses("districts:institution_detail", "slug")

    def __call__(self, houses):
        address = self.address
        return ", ".join(f'<a href="{address(slug)}">{escape(name)}</a>' for name, slug in houses)


class PlaceText:
    """Where a day offers alternative care in each of ``districts``, a line per district:
    ``Distrikt Baltorp: <a …>Børnehuset Grantoften</a> (note)`` (``label`` names the
    district: "Distrikt %(name)s:"), or that the place is not set yet."""

    def __init__(self, label, districts):
        self.labels = [(d.pk, label % {"name": escape(d.name)}) for d in districts]
        self.not_set = escape(_("stedet er endnu ikke fastlagt"))
        self.links = HouseLinks()

    def lines(self, places):
        """``places``: a day's ``{district pk: (district name, note, houses)}``
        (``AlternativeCareQuerySet.places``)."""
        return [SafeString(f"{label} {self.text(places.get(pk))}") for pk, label in self.labels]

    def text(self, place):
        if place is None:
            return self.not_set
        _name, note, houses = place
        text = self.links(houses) or self.not_set
        if note:
            text = f"{text} ({escape(note)})"
        return text


def date_texts(day, dates):
    """The day's date ("Fredag den 7. maj 2027") and week ("uge 18")."""
    day["date_text"] = capfirst(dates(day["date"]))
    day["week"] = week_number(day["date"])


class DeadlineText:
    """The sign-up deadline: "Tilmelding senest …." while sign-up is open,
    "Tilmeldingen lukkede …." after."""

    def __init__(self, today, dates):
        self.today, self.dates = today, dates
        self.open = _("Tilmelding senest %(date)s.")
        self.closed = _("Tilmeldingen lukkede %(date)s.")

    def __call__(self, deadline):
        if not deadline:
            return ""
        text = self.open if deadline >= self.today else self.closed
        return text % {"date": self.dates(deadline)}


def published_text(day, dates):
    """When the day was published ("Offentliggjort …."), and when and what changed since
    (" Ændret …: fields.")."""
    if not day["published_at"]:
        return ""
    text = _("Offentliggjort %(date)s.") % {"date": dates(localtime(day["published_at"]).date())}
    if day["changed_fields"]:
        changed = _("Ændret %(date)s: %(fields)s.") % {
            "date": dates(localtime(day["changed_at"]).date()),
            "fields": ", ".join(day["changed_fields"]),
        }
        text = f"{text} {changed}"
    return text


def district_addresses(districts):
    """Each district with ``page_url`` (its closing days) and ``feed_url`` (its
    calendar), from one ``reverse()`` per address, not one per district."""
    page = Addresses("daycare:closing_days_district", "district_slug")
    feed = Addresses("daycare:closing_days_district_feed", "district_slug")
    for district in districts:
        district.page_url = page(district.slug)
        district.feed_url = feed(district.slug)
