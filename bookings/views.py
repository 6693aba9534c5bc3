"""The booking pages.

Public: a performance's page with each showing's places left (never who booked), and a
network's offers narrowed by age band and month. Staff, behind the portal's login: the
booking form, "Vores bookinger" with the institution's calendar feed and evaluations,
and the network's overview, attendance list, CSV download, moves and cancellations.
"""

import csv
from collections import defaultdict
from datetime import date
from functools import wraps

from django.contrib import admin, messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, F, Prefetch, Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from caching.keys import query_parameters
from core import icalendar, permissions
from culture.models import Network
from districts.models import Institution

from . import rules, services
from .constants import BookingStatus
from .forms import BookingForm, EvaluationForm, MoveForm, OfferFilterForm, showing_label
from .models import Allotment, Booking, CalendarFeed, Evaluation, Offer, Showing, booking_log


def staff_required(view):
    """Behind the portal's staff login (two-factor included where it is required)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not admin.site.has_permission(request):
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        return view(request, *args, **kwargs)

    return wrapped


# --- public ---------------------------------------------------------------------------


def _offer(pk):
    return get_object_or_404(Offer.objects.for_listing(), pk=pk)


def _allotment_rows(offer, showings):
    """Per showing, the places each district's allotment still holds until released:
    one query for all of them."""
    today = timezone.localdate()
    allotments = [a for a in offer.allotments.all() if a.is_active(today)]
    if not allotments:
        return
    used = {
        (row["showing_id"], row["institution__districts"]): row["taken"]
        for row in Booking.objects.filter(
            showing__offer=offer,
            status=BookingStatus.CONFIRMED,
            institution__districts__in=[a.district_id for a in allotments],
        )
        .values("showing_id", "institution__districts")
        .annotate(taken=Sum(F("children") + F("adults")))
    }
    for showing in showings:
        showing.allotment_rows = [
            {
                "district": a.district,
                "places": a.places,
                "left": max(a.places - used.get((showing.pk, a.district_id), 0), 0),
                "released_on": a.released_on,
            }
            for a in allotments
        ]


def offer_detail(request, pk):
    offer = get_object_or_404(
        Offer.objects.for_listing().prefetch_related(
            Prefetch("allotments", queryset=Allotment.objects.select_related("district"))
        ),
        pk=pk,
    )
    showings = list(offer.showings.all())
    _allotment_rows(offer, showings)
    user = request.user
    can_book = bool(
        user.is_authenticated
        and (rules.bookable_institution_ids(user) or permissions.is_administrator(user))
    )
    context = {
        "offer": offer,
        "event": offer.event,
        "network": offer.event.network,
        "showings": showings,
        "is_open": offer.is_open(),
        "is_closed": offer.is_closed(),
        "can_book": can_book,
        "may_manage": user.is_authenticated and rules.may_manage_offer(user, offer),
    }
    return render(request, "bookings/offer_detail.html", context)


def _months(offers):
    return sorted(
        {
            timezone.localtime(s.starts_at).date().replace(day=1)
            for o in offers
            for s in o.showings.all()
        }
    )


# The filters: the shared page cache keeps one page per choice and hands them to the view.
@query_parameters("alder", "maaned")
def network_offers(request, slug):
    network = get_object_or_404(Network.objects.select_related("district"), district__slug=slug)
    today = timezone.localdate()
    offers = list(
        Offer.objects.for_listing()
        .filter(event__network=network, showings__starts_at__date__gte=today)
        .distinct()
    )
    form = OfferFilterForm(request.GET or None, months=_months(offers))
    if form.is_valid():
        band = form.cleaned_data["alder"]
        month = form.cleaned_data["maaned"]
        if band:
            offers = [o for o in offers if band in o.audience.all()]
        if month:
            year, number = (int(part) for part in month.split("-"))
            offers = [
                o
                for o in offers
                if any(
                    (timezone.localtime(s.starts_at).year, timezone.localtime(s.starts_at).month)
                    == (year, number)
                    for s in o.showings.all()
                )
            ]
    return render(
        request,
        "bookings/network_offers.html",
        {"network": network, "offers": offers, "form": form},
    )


def calendar_feed(request, token):
    """An institution's confirmed performances; the address is the only key."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("institution"), token=token)
    calendar = icalendar.new_calendar(
        "booking", _("Forestillinger for %(name)s") % {"name": feed.institution}
    )
    bookings = Booking.objects.for_listing().filter(
        institution=feed.institution, status=BookingStatus.CONFIRMED
    )
    for booking in bookings:
        showing = booking.showing
        icalendar.add_event(
            calendar,
            uid=icalendar.uid("booking", booking.pk),
            stamp=booking.created,
            start=showing.starts_at,
            summary=showing.offer.event.title,
            location=showing.venue,
            description=[
                _("%(group)s: %(children)s børn og %(adults)s voksne")
                % {
                    "group": booking.group_name,
                    "children": booking.children,
                    "adults": booking.adults,
                }
            ],
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
                messages.info(
                    request,
                    _(
                        "Opførelsen er fuldt booket. I er nr. %(place)s på ventelisten og "
                        "får besked, hvis I rykker op."
                    )
                    % {"place": place},
                )
            return redirect("bookings:our_bookings")
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
    feeds = {f.institution_id: f for f in CalendarFeed.objects.filter(institution__in=institutions)}
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
    feed, created = CalendarFeed.objects.get_or_create(institution=institution)
    if not created:
        feed.renew()
        messages.success(
            request, _("Kalenderen har fået en ny adresse. Den gamle virker ikke længere.")
        )
    else:
        messages.success(request, _("Kalenderen er oprettet."))
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
                        showing.venue,
                        group["name"],
                        booking.institution.name,
                        booking.group_name,
                        booking.children,
                        booking.adults,
                        booking.contact_name,
                        booking.contact_phone,
                        booking.contact_email,
                        _("ja") if booking.wheelchair else _("nej"),
                        _("ja") if booking.interpreter else _("nej"),
                        _csv_safe(booking.note),
                        booking.get_status_display(),
                        getattr(booking, "waiting_place", "") or "",
                    ]
                )
    return response


def _csv_safe(text):
    """A cell a spreadsheet would read as a formula gets a leading apostrophe."""
    text = " ".join(text.split())
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


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
