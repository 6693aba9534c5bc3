"""What can be booked at the culture networks' performances, and the bookings.

A performance (``culture.Event``) becomes bookable through its ``Offer``: the audience
(age bands), when booking opens and closes, optional reserved steps, and one or more
showings with their own date, time, venue and places. A booking takes places of one
showing for one group of one institution; it is confirmed while places are left, or
waits in line. The rules that change bookings live in ``bookings.services``.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from districts.constants import InstitutionType
from districts.models import phone_validator

from .constants import MAX_GROUP, BookingStatus, StepScope


class AgeBand(models.Model):
    """An audience a performance is for: "0–2 år", "3–5 år", "0.–3. klasse" …"""

    name = models.CharField(_("navn"), max_length=40, unique=True)
    slug = models.SlugField(_("webadresse"), max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("aldersgruppe")
        verbose_name_plural = _("aldersgrupper")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class OfferQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("event__network__district").prefetch_related(
            "audience",
            models.Prefetch("showings", queryset=Showing.objects.with_places()),
        )


class Offer(models.Model):
    """A performance that institutions can book places at."""

    event = models.OneToOneField(
        "culture.Event",
        on_delete=models.CASCADE,
        related_name="offer",
        verbose_name=_("forestilling"),
    )
    audience = models.ManyToManyField(
        AgeBand, related_name="offers", verbose_name=_("for aldersgrupperne"), blank=True
    )
    booking_opens = models.DateTimeField(_("booking åbner"))
    booking_closes = models.DateTimeField(_("booking lukker"))

    objects = OfferQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[audience])

    class Meta:
        verbose_name = _("forestilling til booking")
        verbose_name_plural = _("forestillinger til booking")
        ordering = ["event__starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(booking_closes__gt=F("booking_opens")),
                name="booking_closes_after_it_opens",
                violation_error_message=_("Bookingen skal lukke, efter den åbner."),
            )
        ]

    def __str__(self):
        return str(self.event)

    def get_absolute_url(self):
        return reverse("bookings:offer_detail", kwargs={"pk": self.pk})

    @property
    def network(self):
        return self.event.network

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.booking_opens <= now < self.booking_closes

    def is_closed(self, now=None):
        return (now or timezone.now()) >= self.booking_closes

    def open_steps(self, today=None):
        today = today or timezone.localdate()
        return [step for step in self.steps.all() if step.opens_on <= today]

    def is_open_for(self, institution, district_ids, today=None):
        """Whether ``institution`` (in ``district_ids``) may book now, step by step. An
        offer without steps is open to every institution."""
        steps = list(self.steps.all())
        if not steps:
            return True
        network_district = self.event.network.district_id
        return any(
            step.includes(institution, district_ids, network_district)
            for step in self.open_steps(today)
        )


class ReservationStep(models.Model):
    """From ``opens_on``, the places are open to this step's institutions too."""

    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="steps", verbose_name=_("forestilling")
    )
    opens_on = models.DateField(_("åbner den"))
    scope = models.CharField(_("for"), max_length=20, choices=StepScope.choices)
    institutions = models.ManyToManyField(
        "districts.Institution",
        blank=True,
        related_name="reservation_steps",
        verbose_name=_("institutioner"),
        help_text=_("Kun for trinnet »Udvalgte institutioner«."),
    )
    institution_type = models.CharField(
        _("institutionstype"),
        max_length=30,
        choices=InstitutionType.choices,
        blank=True,
        help_text=_("Kun for trinnet »En institutionstype i netværkets distrikt«."),
    )

    history = HistoricalRecords(m2m_fields=[institutions])

    class Meta:
        verbose_name = _("reserveret trin")
        verbose_name_plural = _("reserverede trin")
        ordering = ["opens_on", "pk"]

    def __str__(self):
        return f"{self.get_scope_display()} – {self.opens_on:%d.%m.%Y}"

    def clean(self):
        super().clean()
        if self.scope == StepScope.DISTRICT_TYPE and not self.institution_type:
            raise ValidationError({"institution_type": _("Vælg institutionstypen.")})

    def includes(self, institution, district_ids, network_district):
        if self.scope == StepScope.EVERYONE:
            return True
        if self.scope == StepScope.INSTITUTIONS:
            return any(i.pk == institution.pk for i in self.institutions.all())
        in_district = network_district in district_ids
        if self.scope == StepScope.DISTRICT:
            return in_district
        return in_district and institution.institution_type == self.institution_type


class Allotment(models.Model):
    """Places of every showing held for one district's institutions until a release date
    (as Kulturkartan allots them); from that date they are free for everyone."""

    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="allotments", verbose_name=_("forestilling")
    )
    district = models.ForeignKey(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="allotments",
        verbose_name=_("distrikt"),
    )
    places = models.PositiveIntegerField(
        _("pladser pr. opførelse"), validators=[MinValueValidator(1), MaxValueValidator(5000)]
    )
    released_on = models.DateField(
        _("frigives den"), help_text=_("Fra denne dato kan alle booke de pladser, der er tilbage.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pladser til et distrikt")
        verbose_name_plural = _("pladser til distrikter")
        ordering = ["released_on", "district__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "district"],
                name="one_allotment_per_district",
                violation_error_message=_("Distriktet har allerede pladser til forestillingen."),
            )
        ]

    def __str__(self):
        return f"{self.district}: {self.places}"

    def is_active(self, today=None):
        return self.released_on > (today or timezone.localdate())


class ShowingQuerySet(models.QuerySet):
    def with_places_taken(self):
        """Each showing with ``places_taken`` (by confirmed bookings): what the public
        pages show."""
        return self.annotate(
            places_taken=Coalesce(
                Sum(
                    F("bookings__children") + F("bookings__adults"),
                    filter=Q(bookings__status=BookingStatus.CONFIRMED),
                ),
                0,
            )
        ).order_by("starts_at")

    def with_places(self):
        """Each showing with ``places_taken`` (confirmed) and ``waiting_count``."""
        return self.with_places_taken().annotate(
            waiting_count=models.Count(
                "bookings", filter=Q(bookings__status=BookingStatus.WAITING)
            ),
        )


class Showing(models.Model):
    """One showing of a performance: a company usually plays several times."""

    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="showings", verbose_name=_("forestilling")
    )
    starts_at = models.DateTimeField(_("dato og tid"))
    venue = models.CharField(_("sted"), max_length=200)
    places = models.PositiveIntegerField(
        _("pladser"),
        validators=[MinValueValidator(1), MaxValueValidator(5000)],
        help_text=_("Børn og voksne tæller hver en plads."),
    )

    objects = ShowingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("opførelse")
        verbose_name_plural = _("opførelser")
        ordering = ["starts_at"]

    def __str__(self):
        when = timezone.localtime(self.starts_at)
        return f"{self.offer} – {when:%d.%m.%Y %H.%M}"

    def save(self, *args, **kwargs):
        # A new time or place changes the calendar event of every booking here.
        before = None
        if self.pk is not None:
            before = Showing.objects.filter(pk=self.pk).values_list("starts_at", "venue").first()
        super().save(*args, **kwargs)
        if before is not None and before != (self.starts_at, self.venue):
            self.bookings.all().bump_feed()

    def confirmed_places(self):
        """Places taken by confirmed bookings, from the database."""
        return self.bookings.filter(status=BookingStatus.CONFIRMED).aggregate(
            taken=Coalesce(Sum(F("children") + F("adults")), 0)
        )["taken"]

    def check_places(self):
        """A showing is never overbooked: its places may not go below those its
        confirmed bookings take (the network moves or cancels bookings first). Raises a
        ``ValidationError`` on ``places``. Ask it with the showing's row locked (the
        booking services' lock) for the answer to hold until the save."""
        if self.pk is None:
            return
        confirmed = self.confirmed_places()
        if self.places is not None and self.places < confirmed:
            raise ValidationError(
                {
                    "places": _(
                        "Opførelsen har allerede bekræftede bookinger til %(confirmed)s "
                        "pladser (børn og voksne). Sæt pladserne til mindst %(confirmed)s, "
                        "eller flyt eller aflys bookinger på netværkets bookingside først."
                    )
                    % {"confirmed": confirmed}
                },
                code="below_confirmed",
            )

    @property
    def places_left(self):
        """From ``with_places()``."""
        return max(self.places - self.places_taken, 0)


class BookingQuerySet(models.QuerySet):
    def in_line(self):
        """The order bookings took their place at their showing: the waiting list's."""
        return self.order_by("queued_at", "pk")

    def for_listing(self):
        return self.select_related(
            "showing__offer__event__network__district", "institution"
        ).prefetch_related("institution__districts")

    def bump_feed(self):
        """These bookings' calendar events changed (moved, a new time or place, a new
        status): one version more, changed now (the private calendar's SEQUENCE and
        DTSTAMP/LAST-MODIFIED)."""
        return self.update(feed_sequence=F("feed_sequence") + 1, feed_changed_at=timezone.now())


class BookingChange:
    """One line of an offer's booking log."""

    def __init__(self, record, text):
        self.when = timezone.localtime(record.history_date)
        self.institution = record.institution
        self.group_name = record.group_name
        self.by = record.history_user
        self.text = text


def booking_log(offer, limit=100):
    """What happened to the offer's bookings after they were made, newest first: each
    confirmation from the waiting list, cancellation and move, with who did it (one
    query). Read from the bookings' history."""
    from django.utils.translation import gettext as gettext_now

    from core.dates import long_date

    records = (
        Booking.history.filter(showing__offer=offer)
        .select_related("institution", "showing", "history_user")
        .order_by("id", "history_date", "history_id")
    )
    changes, previous = [], None
    for record in records:
        if previous is not None and previous.id == record.id:
            if record.showing_id != previous.showing_id:
                when = timezone.localtime(record.showing.starts_at)
                changes.append(
                    BookingChange(
                        record,
                        gettext_now("Flyttet til opførelsen %(date)s kl. %(time)s")
                        % {"date": long_date(when.date()), "time": f"{when:%H.%M}"},
                    )
                )
            elif record.status != previous.status:
                if record.status == BookingStatus.CANCELLED:
                    text = gettext_now("Aflyst")
                elif record.status == BookingStatus.CONFIRMED:
                    text = gettext_now("Bekræftet fra ventelisten")
                else:
                    text = gettext_now("Sat på venteliste")
                changes.append(BookingChange(record, text))
        previous = record
    changes.sort(key=lambda change: change.when, reverse=True)
    return changes[:limit]


class Booking(models.Model):
    # A showing (or performance) with bookings is not deleted along with them unnoticed:
    # the network cancels or moves them first, and the institutions are told.
    showing = models.ForeignKey(
        Showing, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("opførelse")
    )
    institution = models.ForeignKey(
        "districts.Institution",
        on_delete=models.CASCADE,
        related_name="bookings",
        verbose_name=_("institution"),
    )
    group_name = models.CharField(
        _("gruppe"), max_length=100, help_text=_("Fx »Rødstuen« eller »2.B«.")
    )
    children = models.PositiveIntegerField(
        _("antal børn"), validators=[MinValueValidator(1), MaxValueValidator(MAX_GROUP)]
    )
    adults = models.PositiveIntegerField(
        _("antal voksne"), default=0, validators=[MaxValueValidator(MAX_GROUP)]
    )
    contact_name = models.CharField(_("kontaktperson"), max_length=150)
    contact_phone = models.CharField(
        _("kontaktpersonens telefon"), max_length=20, validators=[phone_validator]
    )
    contact_email = models.EmailField(
        _("kontaktpersonens e-mail"),
        help_text=_("Hertil sender vi bekræftelsen, besked fra ventelisten og en påmindelse."),
    )
    wheelchair = models.BooleanField(_("kørestolsbruger i gruppen"), default=False)
    interpreter = models.BooleanField(_("behov for tolk"), default=False)
    note = models.TextField(_("bemærkning"), blank=True, max_length=1000)
    status = models.CharField(
        _("status"), max_length=20, choices=BookingStatus.choices, default=BookingStatus.WAITING
    )
    created = models.DateTimeField(_("oprettet"), default=timezone.now)
    # When it took its place at this showing: its place in the waiting list. A booking
    # moved here from another showing queues behind those already waiting here.
    queued_at = models.DateTimeField(_("i kø siden"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("oprettet af"),
    )
    is_demo = models.BooleanField(_("demodata"), default=False)
    # The private calendar's SEQUENCE and DTSTAMP/LAST-MODIFIED (``bump_feed``): a
    # subscribed calendar takes the moved or changed event instead of keeping the old.
    feed_sequence = models.PositiveIntegerField(_("kalenderversion"), default=0, editable=False)
    feed_changed_at = models.DateTimeField(
        _("ændret i kalenderen"), null=True, blank=True, editable=False
    )

    objects = BookingQuerySet.as_manager()
    # Who cancelled, moved or confirmed a booking, and when: the network's log on its
    # bookings page (``Offer.booking_log``). The contact's details and the note are not
    # copied into the history.
    history = HistoricalRecords(
        excluded_fields=[
            "contact_name",
            "contact_phone",
            "contact_email",
            "note",
            "queued_at",
            "feed_sequence",
            "feed_changed_at",
        ]
    )

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookinger")
        ordering = ["created", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(children__gte=1),
                name="a_booking_brings_children",
                violation_error_message=_("En booking skal have mindst ét barn med."),
            )
        ]

    def __str__(self):
        return f"{self.institution} – {self.group_name}"

    @property
    def size(self):
        return self.children + self.adults

    @property
    def is_confirmed(self):
        return self.status == BookingStatus.CONFIRMED

    @property
    def is_waiting(self):
        return self.status == BookingStatus.WAITING

    def institution_may_cancel(self, now=None):
        """An institution cancels its booking until booking closes (the network at any
        time)."""
        return self.status != BookingStatus.CANCELLED and not self.showing.offer.is_closed(now)

    def may_be_evaluated(self, now=None):
        """A confirmed booking is evaluated once the performance has begun."""
        return self.is_confirmed and self.showing.starts_at <= (now or timezone.now())


class Evaluation(models.Model):
    """The institution's short evaluation after the visit."""

    booking = models.OneToOneField(
        Booking, on_delete=models.CASCADE, related_name="evaluation", verbose_name=_("booking")
    )
    rating = models.PositiveSmallIntegerField(
        _("vurdering"),
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("Fra 1 (dårlig) til 5 (rigtig god)."),
    )
    comment = models.TextField(_("kommentar"), blank=True, max_length=2000)
    created = models.DateTimeField(_("oprettet"), default=timezone.now)

    class Meta:
        verbose_name = _("evaluering")
        verbose_name_plural = _("evalueringer")
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5),
                name="rating_one_to_five",
                violation_error_message=_("Vælg en vurdering fra 1 til 5."),
            )
        ]

    def __str__(self):
        return f"{self.booking}: {self.rating}"


def new_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """One booking contact's private address of an institution's calendar of confirmed
    performances: each contact has their own, so one who leaves the house (or whose
    account is closed) loses theirs without breaking the others' calendars. The address
    answers only while its user may still book for the institution (``views.calendar_feed``)."""

    institution = models.ForeignKey(
        "districts.Institution",
        on_delete=models.CASCADE,
        related_name="booking_calendars",
        verbose_name=_("institution"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="booking_calendars",
        verbose_name=_("bruger"),
    )
    token = models.CharField(_("nøgle"), max_length=64, unique=True, default=new_token)

    class Meta:
        verbose_name = _("bookingkalender")
        verbose_name_plural = _("bookingkalendere")
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "user"], name="one_booking_calendar_per_contact"
            )
        ]

    def __str__(self):
        return f"{self.institution}: {self.user}"

    # Not ``get_absolute_url``: generic code (the admin's "view on site" shortcut, the
    # history views, sitemaps) would hand the secret address to whoever asks.
    def private_url(self):
        return reverse("bookings:calendar_feed", kwargs={"token": self.token})

    def renew(self):
        self.token = new_token()
        self.save(update_fields=["token"])
