"""The booking pages.

Public: a performance's page with each showing's places left (never who booked), and a
network's offers narrowed by age band and month. Staff, behind the portal's login: the
booking form, "Vores bookinger" with the institution's calendar feed and evaluations,
and the network's overview, attendance list, CSV download, moves and cancellations.
"""

import csv
from collections import defaultdict
from datetime import UTC, date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import (
    Avg,
    Count,
    Exists,
    F,
    FilteredRelation,
    OuterRef,
    Prefetch,
    Q,
    Sum,
)
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import staff_required
from caching.expiry import keep_until
from caching.keys import query_parameters
from core import icalendar, permissions
from core.dates import long_date
from core.rows import demo_badge, link_maker
from culture.models import Network
from districts.models import District, Institution

from . import rules, services
from .constants import BookingStatus
from .counts import party, places_left
from .forms import BookingForm, EvaluationForm, MoveForm, OfferFilterForm, showing_label
from .models import (
    AgeBand,
    Booking,
    CalendarFeed,
    Evaluation,
    Offer,
    Showing,
    booking_log,
)

# --- public ---------------------------------------------------------------------------


def _offer(pk):
    return get_object_or_404(Offer.objects.for_listing(), pk=pk)


def _showing_words():
    """``(when, places)``: a showing's time and places left as the public pages write
    them, with the words translated once per page (templates/bookings/includes/
    showing_when.html and places.html write the same for a showing instance)."""
    at = _("kl. %(time)s")
    full = _("Fuldt booket – der er venteliste")

    def when(starts_at):
        local = timezone.localtime(starts_at)
        return f"{capfirst(long_date(local.date()))} {at % {'time': f'{local:%H.%M}'}}"

    def places(showing):
        left = max(showing["places"] - showing["places_taken"], 0)
        return places_left(left, showing["places"]) if left else full

    return when, places


# What the public pages read of a showing, with its places taken (``with_places_taken()``).
SHOWING_FIELDS = ("pk", "offer_id", "starts_at", "venue", "places", "places_taken")


def _allotment_rows(offer, showings, today):
    """Per showing, the places each district's allotment still holds until released:
    the allotments in one query, and the places they have lost in a second when any is
    still held."""
    allotments = list(
        offer.allotments.filter(released_on__gt=today)
        .order_by("released_on", "district__name")
        .values("district_id", "places", "released_on", district_name=F("district__name"))
    )
    if not allotments:
        return
    used = {
        (row["showing_id"], row["institution__districts"]): row["taken"]
        for row in Booking.objects.filter(
            showing__offer=offer,
            status=BookingStatus.CONFIRMED,
            institution__districts__in=[a["district_id"] for a in allotments],
        )
        .values("showing_id", "institution__districts")
        .annotate(taken=Sum(F("children") + F("adults")))
    }
    held = _("Heraf til distrikt %(district)s indtil %(day)s: %(left)s")
    for allotment in allotments:
        allotment["day"] = long_date(allotment["released_on"])
    for showing in showings:
        showing["allotment_rows"] = [
            held
            % {
                "district": a["district_name"],
                "day": a["day"],
                "left": places_left(
                    max(a["places"] - used.get((showing["pk"], a["district_id"]), 0), 0),
                    a["places"],
                ),
            }
            for a in allotments
        ]


def offer_detail(request, pk):
    # The offer with its audience in one query: a row per age band it is for, by the
    # bands' order (one row with ``band`` None for none).
    rows = list(
        Offer.objects.filter(pk=pk)
        .select_related("event__network__district")
        .only(
            "booking_opens",
            "booking_closes",
            "event__title",
            "event__performer",
            "event__description",
            "event__is_demo",
            "event__network__district__name",
            "event__network__district__slug",
        )
        .annotate(band=F("audience__name"))
        .order_by("audience__order", "audience__name")
    )
    if not rows:
        raise Http404
    offer = rows[0]
    today = timezone.localdate()
    when, places = _showing_words()
    showings = list(offer.showings.with_places_taken().values(*SHOWING_FIELDS))
    for showing in showings:
        showing["when"] = when(showing["starts_at"])
        showing["places_text"] = places(showing)
    _allotment_rows(offer, showings, today)
    # Booking opens and closes at a time of day: no copy is served from then on.
    now = timezone.now()
    keep_until(
        request, next((t for t in (offer.booking_opens, offer.booking_closes) if t > now), None)
    )
    user = request.user
    can_book = bool(
        user.is_authenticated
        and (rules.bookable_institution_ids(user) or permissions.is_administrator(user))
    )
    context = {
        "offer": offer,
        "event": offer.event,
        "network": offer.event.network,
        "bands": ", ".join(row.band for row in rows if row.band is not None),
        "showings": showings,
        "is_open": offer.is_open(now),
        "is_closed": offer.is_closed(now),
        "can_book": can_book,
        "may_manage": user.is_authenticated and rules.may_manage_offer(user, offer),
    }
    return render(request, "bookings/offer_detail.html", context)


def _offer_rows(slug, today):
    """The offers of the network of district ``slug`` with a showing today or later, by
    the performance's start: each with its showings (all of them, with places left) and
    its address, from one query over the showings; and the network's district's name,
    which the same rows carry (``None`` when there are none)."""
    offer_address = link_maker("bookings:offer_detail", "pk")
    coming = Showing.objects.filter(offer=OuterRef("offer"), starts_at__date__gte=today)
    offers, district_name = {}, None
    for showing in (
        Showing.objects.filter(Exists(coming), offer__event__network__district__slug=slug)
        .with_places_taken()
        .order_by("offer__event__starts_at", "offer_id", "starts_at")
        .values(
            *SHOWING_FIELDS,
            title=F("offer__event__title"),
            performer=F("offer__event__performer"),
            is_demo=F("offer__event__is_demo"),
            district_name=F("offer__event__network__district__name"),
        )
    ):
        district_name = showing["district_name"]
        offer = offers.get(showing["offer_id"])
        if offer is None:
            offer = offers[showing["offer_id"]] = {
                "url": offer_address(showing["offer_id"]),
                "title": showing["title"],
                "performer": showing["performer"],
                "is_demo": showing["is_demo"],
                "showings": [],
                "bands": [],
            }
        offer["showings"].append(showing)
    return offers, district_name


# The filters: the shared page cache keeps one page per choice and hands them to the view.
@query_parameters("alder", "maaned")
def network_offers(request, slug):
    today = timezone.localdate()
    offers, district_name = _offer_rows(slug, today)
    if offers:
        # The network as its offers' rows name it (its title and the breadcrumb's link).
        network = Network(district=District(name=district_name, slug=slug))
    else:
        network = get_object_or_404(
            Network.objects.select_related("district").only("district__name", "district__slug"),
            district__slug=slug,
        )
    # Every age band (the form's choices), each with the listed offers it is for.
    bands = AgeBand.objects.order_by("order", "name")
    if offers:
        offered = FilteredRelation("offers", condition=Q(offers__in=list(offers)))
        bands = bands.annotate(offered=offered).values_list("slug", "name", "offered")
    else:
        bands = ((band, name, None) for band, name in bands.values_list("slug", "name"))
    choices = {}
    for band_slug, name, offer_id in bands:
        choices[band_slug] = name
        if offer_id is not None:
            offers[offer_id]["bands"].append((band_slug, name))
    form = OfferFilterForm(
        request.GET or None,
        bands=choices.items(),
        months=sorted(
            {
                timezone.localtime(s["starts_at"]).date().replace(day=1)
                for o in offers.values()
                for s in o["showings"]
            }
        ),
    )
    rows = list(offers.values())
    if form.is_valid():
        band = form.cleaned_data["alder"]
        month = form.cleaned_data["maaned"]
        if band:
            rows = [o for o in rows if any(slug == band for slug, _name in o["bands"])]
        if month:
            year, number = (int(part) for part in month.split("-"))
            rows = [
                o
                for o in rows
                if any(
                    (
                        timezone.localtime(s["starts_at"]).year,
                        timezone.localtime(s["starts_at"]).month,
                    )
                    == (year, number)
                    for s in o["showings"]
                )
            ]
    when, places = _showing_words()
    for offer in rows:
        offer["bands"] = ", ".join(name for _slug, name in offer["bands"])
        for showing in offer["showings"]:
            showing["when"] = when(showing["starts_at"])
            showing["places_text"] = places(showing)
    context = {
        "network": network,
        "offers": rows,
        "form": form,
        "demo_badge": demo_badge(),
    }
    return render(request, "bookings/network_offers.html", context)


def calendar_feed(request, token):
    """An institution's confirmed performances; the address is the only key. It answers
    only while its contact person may still book for the institution (an active staff
    account whose person holds a booking role there): an unknown address and one whose
    holder lost that right get the same 404."""
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("institution", "user"), token=token
    )
    if feed.institution_id not in rules.bookable_institution_ids(feed.user):
        raise Http404
    calendar = icalendar.new_calendar(
        "booking", _("Forestillinger for %(name)s") % {"name": feed.institution}
    )
    bookings = Booking.objects.for_listing().filter(
        institution=feed.institution, status=BookingStatus.CONFIRMED
    )
    for booking in bookings:
        showing = booking.showing
        # When the event last changed (moved, a new time or place): calendar programs
        # take an event whose SEQUENCE grew instead of keeping the one they have.
        changed = (booking.feed_changed_at or booking.created).astimezone(UTC)
        icalendar.add_event(
            calendar,
            uid=icalendar.uid("booking", booking.pk),
            stamp=changed,
            start=showing.starts_at,
            summary=showing.offer.event.title,
            location=showing.venue,
            description=[
                _("%(group)s: %(party)s")
                % {"group": booking.group_name, "party": party(booking.children, booking.adults)}
            ],
            sequence=booking.feed_sequence,
            last_modified=changed,
        )
    response = icalendar.calendar_response(calendar)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


# --- the institution ------------------------------------------------------------------


def _bookable_institutions(user):
    institutions = Institution.objects.order_by("name")
    if permissions.is_administrator(user):
        return institutions
    return institutions.filter(pk__in=rules.bookable_institution_ids(user))


def _after_booking(user, booking, offer):
    """Where the booking shows for whoever made it: "Vores bookinger" for the
    institution's own staff; the offer's bookings page for an administrator booking on an
    institution's behalf (they have no "Vores bookinger": it answers 403)."""
    if booking.institution_id in rules.bookable_institution_ids(user):
        return reverse("bookings:our_bookings")
    if rules.may_manage_offer(user, offer):
        return reverse("bookings:offer_bookings", kwargs={"pk": offer.pk})
    return offer.get_absolute_url()


@staff_required
def book(request, pk):
    offer = _offer(pk)
    institutions = _bookable_institutions(request.user)
    if not institutions.exists():
        raise PermissionDenied
    form = BookingForm(request.POST or None, offer=offer, institutions=institutions)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            outcome = services.book(
                form.cleaned_data["showing"].pk,
                form.cleaned_data["institution"],
                user=request.user,
                **form.details(),
            )
        except services.BookingError as exc:
            error = str(exc)
        else:
            booking = outcome.booking
            if booking.is_confirmed:
                messages.success(request, _("Bookingen er bekræftet."))
            else:
                place = services.waiting_positions([booking])[booking.pk]
                districts = {d.pk for d in booking.institution.districts.all()}
                if services.free_places(booking.showing, districts) > 0:
                    # Places are left, only not enough for the whole group.
                    text = _(
                        "Der er ikke plads til hele gruppen lige nu. I er nr. %(place)s på "
                        "ventelisten og får besked, hvis I rykker op."
                    )
                else:
                    text = _(
                        "Opførelsen er fuldt booket. I er nr. %(place)s på ventelisten og "
                        "får besked, hvis I rykker op."
                    )
                messages.info(request, text % {"place": place})
            return redirect(_after_booking(request.user, booking, offer))
    if request.method == "GET":
        person = getattr(request.user, "person", None)
        if person is not None:
            form.initial.setdefault("contact_name", person.name)
            form.initial.setdefault("contact_email", person.email or request.user.email)
    context = {
        "offer": offer,
        "event": offer.event,
        "form": form,
        "error": error,
        "is_open": offer.is_open(),
    }
    return render(request, "bookings/booking_form.html", context, status=400 if error else 200)


@staff_required
def our_bookings(request):
    # An institution's own page: administrators see every booking on the network pages.
    institutions = list(
        Institution.objects.filter(pk__in=rules.bookable_institution_ids(request.user))
    )
    if not institutions:
        raise PermissionDenied
    bookings = list(
        Booking.objects.for_listing()
        .filter(institution__in=institutions)
        .select_related("evaluation")
        .order_by("showing__starts_at", "pk")
    )
    positions = services.waiting_positions(bookings)
    now = timezone.now()
    for booking in bookings:
        booking.waiting_place = positions.get(booking.pk)
        booking.may_cancel = booking.institution_may_cancel(now)
        booking.may_evaluate = booking.may_be_evaluated(now)
    # The user's own address for each institution: every contact person has their own.
    feeds = {
        feed.institution_id: feed
        for feed in CalendarFeed.objects.filter(user=request.user, institution__in=institutions)
    }
    for institution in institutions:
        institution.feed = feeds.get(institution.pk)
    context = {"bookings": bookings, "institutions": institutions}
    return render(request, "bookings/our_bookings.html", context)


def _own_booking(request, pk):
    booking = get_object_or_404(Booking.objects.for_listing(), pk=pk)
    if not rules.may_cancel_as_institution(request.user, booking):
        raise PermissionDenied
    return booking


@staff_required
@require_POST
def cancel_own(request, pk):
    booking = _own_booking(request, pk)
    try:
        outcome = services.cancel(booking.pk)
    except services.BookingError as exc:
        messages.error(request, str(exc))
    else:
        if outcome.promoted or outcome.booking.status == BookingStatus.CANCELLED:
            messages.success(request, _("Bookingen er aflyst."))
    return redirect("bookings:our_bookings")


@staff_required
def evaluate(request, pk):
    booking = _own_booking(request, pk)
    if not booking.may_be_evaluated():
        messages.error(request, _("I kan evaluere forestillingen, når I har set den."))
        return redirect("bookings:our_bookings")
    instance = Evaluation.objects.filter(booking=booking).first() or Evaluation(booking=booking)
    form = EvaluationForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Tak for jeres evaluering."))
        return redirect("bookings:our_bookings")
    return render(request, "bookings/evaluation_form.html", {"booking": booking, "form": form})


@staff_required
@require_POST
def renew_feed(request, institution_pk):
    institution = get_object_or_404(Institution, pk=institution_pk)
    if institution.pk not in rules.bookable_institution_ids(request.user):
        raise PermissionDenied
    feed, created = CalendarFeed.objects.get_or_create(institution=institution, user=request.user)
    if not created:
        feed.renew()
        messages.success(
            request, _("Din kalender har fået en ny adresse. Den gamle virker ikke længere.")
        )
    else:
        messages.success(request, _("Din kalender er oprettet."))
    return redirect("bookings:our_bookings")


# --- the network ----------------------------------------------------------------------


@staff_required
def network_overview(request):
    offers = list(
        rules.managed_offers(request.user)
        .select_related("event__network__district")
        .prefetch_related(Prefetch("showings", queryset=Showing.objects.with_places()))
        .order_by("event__starts_at")
    )
    if not offers and not (
        permissions.is_administrator(request.user)
        or permissions.CULTURE_NETWORK in {g.name for g in request.user.groups.all()}
    ):
        raise PermissionDenied
    return render(request, "bookings/network_overview.html", {"offers": offers})


def _managed_offer(request, pk):
    offer = get_object_or_404(Offer.objects.select_related("event__network__district"), pk=pk)
    if not rules.may_manage_offer(request.user, offer):
        raise PermissionDenied
    return offer


def _showings_with_bookings(offer):
    bookings = Prefetch(
        "bookings",
        queryset=Booking.objects.exclude(status=BookingStatus.CANCELLED)
        .select_related("institution")
        .prefetch_related("institution__districts")
        .in_line(),
        to_attr="active_bookings",
    )
    showings = list(offer.showings.with_places().prefetch_related(bookings))
    network_district = offer.event.network.district
    for showing in showings:
        by_district = defaultdict(list)
        position = 0
        for booking in showing.active_bookings:
            if booking.is_waiting:
                position += 1
                booking.waiting_place = position
            districts = list(booking.institution.districts.all())
            # Klub Syd lies in two districts: counted under the network's own when it is
            # one of them.
            district = next(
                (d for d in districts if d.pk == network_district.pk),
                districts[0] if districts else None,
            )
            by_district[district.name if district else _("Uden distrikt")].append(booking)
        showing.by_district = [
            {
                "name": name,
                "bookings": rows,
                "children": sum(b.children for b in rows if b.is_confirmed),
                "adults": sum(b.adults for b in rows if b.is_confirmed),
            }
            for name, rows in sorted(by_district.items())
        ]
        confirmed = [b for b in showing.active_bookings if b.is_confirmed]
        showing.confirmed = confirmed
        showing.total_children = sum(b.children for b in confirmed)
        showing.total_adults = sum(b.adults for b in confirmed)
    return showings


@staff_required
def offer_bookings(request, pk):
    offer = _managed_offer(request, pk)
    showings = _showings_with_bookings(offer)
    for showing in showings:
        # The move form's choices, read once for all of the showing's bookings.
        showing.move_choices = [(s.pk, showing_label(s)) for s in showings if s.pk != showing.pk]
    evaluations = Evaluation.objects.filter(booking__showing__offer=offer).select_related(
        "booking__institution"
    )
    summary = evaluations.aggregate(average=Avg("rating"), count=Count("pk"))
    context = {
        "offer": offer,
        "event": offer.event,
        "showings": showings,
        "evaluations": evaluations.order_by("-created"),
        "evaluation_summary": summary,
        "log": booking_log(offer),
    }
    return render(request, "bookings/offer_bookings.html", context)


@staff_required
def attendance_list(request, pk):
    offer = _managed_offer(request, pk)
    context = {"offer": offer, "event": offer.event, "showings": _showings_with_bookings(offer)}
    return render(request, "bookings/attendance_list.html", context)


@staff_required
def attendance_csv(request, pk):
    offer = _managed_offer(request, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"deltagerliste-{offer.pk}-{date.today():%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A byte order mark and semicolons: Danish Excel then reads æøå and the columns.
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("Opførelse"),
            _("Sted"),
            _("Distrikt"),
            _("Institution"),
            _("Gruppe"),
            _("Børn"),
            _("Voksne"),
            _("Kontaktperson"),
            _("Telefon"),
            _("E-mail"),
            _("Kørestol"),
            _("Tolk"),
            _("Bemærkning"),
            _("Status"),
            _("Plads på venteliste"),
        ]
    )
    for showing in _showings_with_bookings(offer):
        when = timezone.localtime(showing.starts_at)
        for group in showing.by_district:
            for booking in group["bookings"]:
                writer.writerow(
                    [
                        f"{when:%d.%m.%Y %H.%M}",
                        _csv_safe(showing.venue),
                        _csv_safe(group["name"]),
                        _csv_safe(booking.institution.name),
                        _csv_safe(booking.group_name),
                        booking.children,
                        booking.adults,
                        _csv_safe(booking.contact_name),
                        _csv_safe(booking.contact_phone),
                        _csv_safe(booking.contact_email),
                        _("ja") if booking.wheelchair else _("nej"),
                        _("ja") if booking.interpreter else _("nej"),
                        _csv_safe(" ".join(booking.note.split())),
                        booking.get_status_display(),
                        getattr(booking, "waiting_place", "") or "",
                    ]
                )
    return response


# What makes a spreadsheet read a cell as a formula (OWASP's "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "|")


def _csv_safe(text):
    """Text typed by staff or a contact person, as a cell no spreadsheet reads as a
    formula: one that would be gets a leading apostrophe."""
    text = str(text or "")
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _network_booking(request, pk):
    booking = get_object_or_404(Booking.objects.for_listing(), pk=pk)
    if not rules.may_manage_booking(request.user, booking):
        raise PermissionDenied
    return booking


@staff_required
@require_POST
def network_cancel(request, pk):
    booking = _network_booking(request, pk)
    outcome = services.cancel(booking.pk, by_network=True)
    messages.success(
        request,
        _("Bookingen fra %(institution)s er aflyst.") % {"institution": booking.institution},
    )
    for promoted in outcome.promoted:
        messages.info(
            request,
            _("%(institution)s (%(group)s) er rykket op fra ventelisten.")
            % {"institution": promoted.institution, "group": promoted.group_name},
        )
    return redirect("bookings:offer_bookings", pk=booking.showing.offer_id)


@staff_required
@require_POST
def network_move(request, pk):
    booking = _network_booking(request, pk)
    form = MoveForm(request.POST, booking=booking)
    if not form.is_valid():
        messages.error(request, _("Vælg en af forestillingens andre opførelser."))
    else:
        try:
            outcome = services.move(booking.pk, form.cleaned_data["showing"].pk)
        except services.BookingError as exc:
            messages.error(request, str(exc))
        else:
            if outcome.booking.is_confirmed:
                messages.success(request, _("Bookingen er flyttet og bekræftet."))
            else:
                messages.info(
                    request,
                    _("Bookingen er flyttet; opførelsen er fuld, så den står på venteliste."),
                )
    return redirect("bookings:offer_bookings", pk=booking.showing.offer_id)
