"""Kulturtjenesten (the municipal culture service) and the five local culture networks.

The service's texts (goal, purposes, duties) and the represented organisations are data
seeded from the brochure; the networks' members (seats), meetings, projects and culture
events are kept by the networks themselves. A staff member owns a network by holding
one of its seats.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .constants import SEAT_INSTITUTION_TYPES, SEAT_WORDS, MeetingKind, ProjectStatus, SeatType


class CultureService(models.Model):
    """Kulturtjenesten's texts; one row. Markdown, shown sanitised."""

    goal = models.TextField(_("målet for kulturarbejdet"))
    background = models.TextField(_("derfor har Ballerup"), blank=True)
    composition = models.TextField(_("kulturtjenesten består af"), blank=True)
    service_purposes = models.TextField(_("formålet med kulturtjenesten"))
    network_purposes = models.TextField(_("formålet med de lokale kulturnetværk"))
    network_composition = models.TextField(_("de lokale kulturnetværk"), blank=True)
    coordinator_duties = models.TextField(_("kulturnetværkskoordinatoren"))
    ambassador_duties = models.TextField(_("kulturambassadørerne"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kulturtjenesten")
        verbose_name_plural = _("kulturtjenesten")

    def __str__(self):
        return str(_("Kulturtjenesten"))

    def get_absolute_url(self):
        return reverse("culture:service")


class Organisation(models.Model):
    """An organisation represented in Kulturtjenesten, in the brochure's order."""

    name = models.CharField(_("navn"), max_length=150, unique=True)
    description = models.TextField(_("beskrivelse"), blank=True)
    website = models.URLField(_("hjemmeside"), blank=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("repræsenteret organisation")
        verbose_name_plural = _("repræsenterede organisationer")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Facilitator(models.Model):
    """A facilitator (tovholder) from the municipal administration."""

    person = models.OneToOneField(
        "districts.Person",
        on_delete=models.CASCADE,
        related_name="culture_facilitator",
        verbose_name=_("person"),
    )
    title = models.CharField(_("stilling eller enhed"), max_length=150, blank=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tovholder")
        verbose_name_plural = _("tovholdere")
        ordering = ["order", "person__name"]

    def __str__(self):
        return str(self.person)


class NetworkQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("district").order_by("district__name")


class Network(models.Model):
    """The local culture network of one district."""

    district = models.OneToOneField(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="culture_network",
        verbose_name=_("distrikt"),
    )
    description = models.TextField(
        _("om netværket"),
        blank=True,
        help_text=_("Netværkets egen præsentation. Du kan skrive **fed** og lave punkter med -."),
    )

    objects = NetworkQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lokalt kulturnetværk")
        verbose_name_plural = _("lokale kulturnetværk")
        ordering = ["district__name"]

    def __str__(self):
        return self.name_for(self.district.name)

    def get_absolute_url(self):
        return reverse("culture:network_detail", kwargs={"slug": self.district.slug})

    @staticmethod
    def name_for(district_name):
        """The network's name from its district's: "Kulturnetværk Skovlunde"."""
        return _("Kulturnetværk %(district)s") % {"district": district_name}


class Seat(models.Model):
    """One of a network's four seats, held by a person from an institution of the
    district; one seat per network is the coordinator's."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="seats", verbose_name=_("netværk")
    )
    seat_type = models.CharField(_("plads"), max_length=20, choices=SeatType.choices)
    person = models.ForeignKey(
        "districts.Person",
        on_delete=models.CASCADE,
        related_name="culture_seats",
        verbose_name=_("person"),
    )
    institution = models.ForeignKey(
        "districts.Institution",
        on_delete=models.CASCADE,
        related_name="culture_seats",
        verbose_name=_("institution"),
        help_text=_("Den institution i distriktet, personen kommer fra."),
    )
    is_coordinator = models.BooleanField(
        _("kulturnetværkskoordinator"),
        default=False,
        help_text=_("Netværkets koordinator; de andre tre er kulturambassadører."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plads i kulturnetværk")
        verbose_name_plural = _("pladser i kulturnetværk")
        ordering = ["network__district__name", "seat_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "seat_type"],
                name="one_seat_of_each_kind_per_network",
                violation_error_message=_("Netværket har allerede denne plads."),
            ),
            models.UniqueConstraint(
                fields=["network"],
                condition=Q(is_coordinator=True),
                name="one_coordinator_per_network",
                violation_error_message=_("Netværket har allerede en kulturnetværkskoordinator."),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.role_label}, {self.get_seat_type_display()}"

    @property
    def seat_words(self):
        """The seat in a sentence: "fritidsordningen (BFO)"."""
        words = SEAT_WORDS.get(self.seat_type)
        return self.get_seat_type_display() if words is None else words

    @property
    def role_label(self):
        if self.is_coordinator:
            return _("Kulturnetværkskoordinator")
        return _("Kulturambassadør")

    def clean(self):
        super().clean()
        if self.network_id:
            self.check_institution(self.network.district_id)

    def check_institution(self, district_id):
        """Refuse the seat's institution unless it is of the network's district
        (``district_id``: a network being added has no id yet, its form has the
        district) and of a type that fits the seat."""
        if not (district_id and self.institution_id):
            return
        errors = {}
        if not self.institution.districts.filter(pk=district_id).exists():
            errors["institution"] = _("Institutionen hører ikke til netværkets distrikt.")
        elif (
            self.seat_type
            and self.institution.institution_type
            not in (SEAT_INSTITUTION_TYPES[SeatType(self.seat_type)])
        ):
            errors["institution"] = _("En %(institution)s kan ikke have pladsen for %(seat)s.") % {
                "institution": self.institution.get_institution_type_display().lower(),
                "seat": self.seat_words,
            }
        if errors:
            raise ValidationError(errors)


class DatedQuerySet(models.QuerySet):
    date_field = "date"

    def upcoming_condition(self, today=None):
        """Upcoming: today (the local date) or later; past: before today."""
        return Q(**{f"{self.date_field}__gte": today or timezone.localdate()})

    def upcoming(self, today=None):
        return self.filter(self.upcoming_condition(today))

    def past(self, today=None):
        return self.exclude(self.upcoming_condition(today))


class Meeting(models.Model):
    """A network meeting, one of Kulturtjenesten's four yearly meetings with the
    coordinators, or the yearly inspiration day."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("netværk")
    )
    kind = models.CharField(_("slags"), max_length=30, choices=MeetingKind.choices)
    date = models.DateField(_("dato"))
    start_time = models.TimeField(_("starttid"), null=True, blank=True)
    end_time = models.TimeField(_("sluttid"), null=True, blank=True)
    place = models.CharField(_("sted"), max_length=200, blank=True)
    agenda = models.TextField(_("dagsorden"), blank=True)
    minutes = models.TextField(_("referat"), blank=True)
    is_demo = models.BooleanField(_("demodata"), default=False)

    objects = DatedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("møde")
        verbose_name_plural = _("møder")
        ordering = ["date", "start_time"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date:%d.%m.%Y}"

    def get_absolute_url(self):
        # Shown on the network's page ("Se på websted" in the admin).
        return self.network.get_absolute_url() + "#moeder"

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("Sluttiden skal ligge efter starttiden.")})


class ProjectQuerySet(models.QuerySet):
    # Current: planned or under way; done: finished.
    CURRENT = ~Q(status=ProjectStatus.DONE)

    def current(self):
        return self.filter(self.CURRENT)

    def done(self):
        return self.exclude(self.CURRENT)


class Project(models.Model):
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="projects", verbose_name=_("netværk")
    )
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)
    institutions = models.ManyToManyField(
        "districts.Institution",
        blank=True,
        related_name="culture_projects",
        verbose_name=_("deltagende institutioner"),
    )
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("slut"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED
    )
    is_demo = models.BooleanField(_("demodata"), default=False)

    objects = ProjectQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[institutions])

    class Meta:
        verbose_name = _("projekt")
        verbose_name_plural = _("projekter")
        ordering = ["-start", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        # Shown on the network's page ("Se på websted" in the admin).
        return self.network.get_absolute_url() + "#projekter"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Projektet kan ikke slutte, før det begynder.")})


class EventQuerySet(DatedQuerySet):
    def upcoming_condition(self, today=None):
        """Upcoming while it has not ended: its end (its start when it has none) is
        today, the local date, or later; a culture week from yesterday until tomorrow is
        going on, not past."""
        today = today or timezone.localdate()
        return Q(ends_at__isnull=False, ends_at__date__gte=today) | Q(
            ends_at__isnull=True, starts_at__date__gte=today
        )


class Event(models.Model):
    """A theatre performance or another culture event for children."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="events", verbose_name=_("netværk")
    )
    title = models.CharField(_("titel"), max_length=200)
    performer = models.CharField(_("teater, kunstner eller gruppe"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("dato og tid"))
    ends_at = models.DateTimeField(_("slut"), null=True, blank=True)
    venue = models.CharField(_("sted"), max_length=200)
    age_group = models.CharField(_("aldersgruppe"), max_length=100, blank=True,
                                 help_text=_("Fx »3–6 år« eller »0.–3. klasse«."))  # fmt: skip
    institutions = models.ManyToManyField(
        "districts.Institution",
        blank=True,
        related_name="culture_events",
        verbose_name=_("deltagende institutioner"),
    )
    places_available = models.PositiveIntegerField(_("ledige pladser"), null=True, blank=True)
    description = models.TextField(_("beskrivelse"), blank=True)
    is_demo = models.BooleanField(_("demodata"), default=False)

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[institutions])

    class Meta:
        verbose_name = _("forestilling eller kulturoplevelse")
        verbose_name_plural = _("forestillinger og kulturoplevelser")
        ordering = ["starts_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        # Shown on the network's page ("Se på websted" in the admin).
        return self.network.get_absolute_url() + "#forestillinger"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError(
                {"ends_at": _("Forestillingen kan ikke slutte, før den begynder.")}
            )
