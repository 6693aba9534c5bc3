"""What the closing-day page, the calendar feeds and the next-closing-day box write about
a day, made once per day in Python from ``ClosingDayQuerySet.rows()``: the Danish dates,
where alternative care is offered (the houses linked), the sign-up deadline and what
changed since the day was published.

The pages list many days with a place per district each: a template would run a
translation, a ``{% url %}`` and a date filter per row and per place; here each text is
made once, each link's address is built from one ``reverse()`` per page, and each date is
written once per page (``Dates``). Every text stays in gettext, with the same msgids as
the templates had."""

from html import escape

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from core.bidi import isolate
from core.dates import long_date, week_number
from core.rows import demo_badge, link_maker
from core.templatetags.navigation_tags import external_link


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
        self.address = link_maker("districts:institution_detail", "slug")

    def __call__(self, houses):
        address = self.address
        return ", ".join(f'<a href="{address(slug)}">{isolate(name)}</a>' for name, slug in houses)


class PlaceText:
    """Where a day offers alternative care in each of ``districts``, a line per district:
    ``Distrikt Baltorp: <a …>Børnehuset Grantoften</a> (note)`` (``label`` names the
    district: "Distrikt %(name)s:"), or that the place is not set yet."""

    def __init__(self, label, districts):
        self.labels = [(d.pk, label % {"name": isolate(d.name)}) for d in districts]
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


class DayList:
    """The closing-day page's rows as HTML, one string per day, made here once per day:
    the page lists every day of this year and next (two hundred at ten times the data),
    and a template spent a dozen nodes, a date filter and a translation on each. The
    markup is the page's (``daycare/closingday_list.html``): a coming day with its date
    and week, whether there is alternative care and where (``places``: the chosen
    district's place, or every district's folded away), the sign-up deadline, how to
    sign up, the note, and when it was published and what changed since; a past day on
    one line."""

    def __init__(self, today, districts, folded):
        self.today, self.folded = today, folded
        self.dates = Dates()
        self.places = PlaceText(_("Distrikt %(name)s:"), districts)
        self.deadline = DeadlineText(today, self.dates)
        self.demo = demo_badge()
        care = escape(_("Alternativ pasning:"))
        self.care = f'<p class="mb-1"><strong>{care}</strong> {escape(_("ja"))}</p>'
        self.no_care = f'<p class="mb-1"><strong>{care}</strong> {escape(_("nej"))}</p>'
        self.where = escape(_("Hvor: se stederne i alle distrikter"))
        self.signup = _("Tilmeld alternativ pasning")
        self.published = _("Offentliggjort %(date)s.")
        self.changed = _("Ændret %(date)s: %(fields)s.")

    def date(self, day):
        return capfirst(self.dates(day["date"])), week_number(day["date"])

    def past(self, day):
        date, week = self.date(day)
        return SafeString(f"<li>{escape(date)} ({escape(week)}): {isolate(day['name'])}</li>")

    def coming(self, day):
        date, week = self.date(day)
        demo = self.demo if day["is_demo"] else ""
        html = [
            '<li class="closing-day">\n'
            f'      <h3 class="h5 mb-1">{escape(date)} <span class="text-body-secondary">'
            f"({escape(week)})</span>{demo}</h3>\n"
            f'      <p class="mb-1">{isolate(day["name"])}</p>'
        ]
        if day["alternative_care"]:
            html.append(self.care)
            places = "".join(f"<li>{line}</li>" for line in self.places.lines(day["places"]))
            if self.folded:
                html.append(
                    f'<details class="mb-2">\n        <summary>{self.where}</summary>\n'
                    f'        <ul class="mb-0">{places}</ul>\n      </details>'
                )
            else:
                html.append(f'<ul class="mb-2 list-unstyled">{places}</ul>')
            deadline = self.deadline(day["signup_deadline"])
            if deadline:
                html.append(f'<p class="mb-1">{escape(deadline)}</p>')
            if day["signup_text"]:
                html.append(f'<p class="mb-1">{escape(day["signup_text"])}</p>')
            if day["signup_url"]:
                html.append(f'<p class="mb-1">{external_link(day["signup_url"], self.signup)}</p>')
        else:
            html.append(self.no_care)
        if day["note"]:
            html.append(f'<p class="mb-1">{escape(day["note"])}</p>')
        if day["published_on"]:
            published = self.published % {"date": self.dates(day["published_on"])}
            if day["changed_fields"]:
                changed = self.changed % {
                    "date": self.dates(day["changed_on"]),
                    "fields": ", ".join(day["changed_fields"]),
                }
                published = f"{published} {changed}"
            html.append(f'<p class="mb-0 small text-body-secondary">{escape(published)}</p>')
        html.append("</li>")
        return SafeString("\n      ".join(html))


def district_addresses(districts):
    """Each district with ``page_url`` (its closing days) and ``feed_url`` (its
    calendar), from one ``reverse()`` per address, not one per district."""
    page = link_maker("daycare:closing_days_district", "district_slug")
    feed = link_maker("daycare:closing_days_district_feed", "district_slug")
    for district in districts:
        district.page_url = page(district.slug)
        district.feed_url = feed(district.slug)
