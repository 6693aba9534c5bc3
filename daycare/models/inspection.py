"""Inspection reports (tilsynsrapporter): one PDF per visit to a daycare unit.

Ballerup inspects every 0–5 unit each year (the source: "Hvert år føres der tilsyn med
kommunens 0-5 års institutioner"), and the daycare act asks for a published report at
least every second year. The helpers here say which units are due by the yearly rhythm,
and which are past the act's limit too.
"""

import calendar
import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_cleanup import cleanup
from simple_history.models import HistoricalRecords

from core.pdf import validate_pdf
from districts.constants import DAYCARE_TYPES, InstitutionType
from districts.models import Institution

# The units inspected: daycare houses, district institutions and Dagplejen.
INSPECTED_TYPES = (*DAYCARE_TYPES, InstitutionType.FAMILY_DAYCARE)
# Ballerup's rhythm: a report a year after the last one (calendar years: the same date).
DUE_AFTER_YEARS = 1
# The daycare act (dagtilbudsloven § 5): a published report at least every second year.
LEGAL_LIMIT_YEARS = 2


def inspected_units():
    return Institution.objects.filter(institution_type__in=INSPECTED_TYPES)


def units_with_latest_report():
    """Every inspected unit with ``latest_visit`` (published reports only), A–Å."""
    return (
        inspected_units()
        .annotate(
            latest_visit=Max(
                "inspection_reports__visit_date",
                filter=Q(inspection_reports__published=True),
            )
        )
        .order_by("name")
    )


def years_from(day, years):
    """The same date ``years`` later (earlier, when negative); 29 February becomes 28
    February in a common year, and a year outside the calendar the calendar's end."""
    year = day.year + years
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        return datetime.date.max if years > 0 else datetime.date.min
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return day.replace(year=year, day=28)
    return day.replace(year=year)


def due_cutoff(today=None):
    return years_from(today or timezone.localdate(), -DUE_AFTER_YEARS)


def legal_cutoff(today=None):
    return years_from(today or timezone.localdate(), -LEGAL_LIMIT_YEARS)


def past_legal_limit(latest_visit, today=None):
    """Whether a unit whose latest published report is of ``latest_visit`` (``None``:
    none) has gone longer than the daycare act allows."""
    return latest_visit is None or latest_visit < legal_cutoff(today)


# Where a unit stands, in the worklist's order: overdue, due soon, in order.
OVERDUE, SOON_DUE, IN_ORDER = 0, 1, 2
# "Due soon": within this of the due date.
SOON = datetime.timedelta(days=90)


def due_state(latest_visit, today=None):
    """``(due date, state)`` of a unit whose latest published report is of
    ``latest_visit``: a unit without one is overdue, with no due date."""
    today = today or timezone.localdate()
    due_date = years_from(latest_visit, DUE_AFTER_YEARS) if latest_visit else None
    if due_date is None or due_date < today:
        return due_date, OVERDUE
    if due_date <= today + SOON:
        return due_date, SOON_DUE
    return due_date, IN_ORDER


def report_upload_to(instance, filename):
    """A server-made name: unit slug, visit date and a random part. The uploaded name is
    never used."""
    slug = instance.unit.slug if instance.unit_id else "enhed"
    return f"tilsyn/{slug}-{instance.visit_date:%Y-%m-%d}-{secrets.token_hex(8)}.pdf"


class InspectionReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def newest_first(self):
        return self.order_by("-visit_date", "-pk")

    def for_archive(self):
        return self.published().select_related("unit").prefetch_related("unit__districts")


@cleanup.select  # the PDF goes when it is replaced or the report deleted (on commit)
class InspectionReport(models.Model):
    unit = models.ForeignKey(
        Institution,
        # Deleting a house deletes its reports (the admin's confirmation lists them) and,
        # through django-cleanup, their files.
        on_delete=models.CASCADE,
        related_name="inspection_reports",
        verbose_name=_("enhed"),
        limit_choices_to={"institution_type__in": INSPECTED_TYPES},
        help_text=_("Børnehuset, distriktsinstitutionen eller Dagplejen, der fik tilsyn."),
    )
    visit_date = models.DateField(_("dato for tilsynsbesøget"))
    announced = models.BooleanField(
        _("anmeldt besøg"), default=True, help_text=_("Fjern fluebenet, hvis besøget var uanmeldt.")
    )
    pdf = models.FileField(
        _("rapport (PDF)"),
        upload_to=report_upload_to,
        max_length=200,
        validators=[validate_pdf],
        help_text=_("En almindelig PDF-fil på højst 20 MB, uden adgangskode."),
    )
    summary = models.TextField(
        _("kort resumé"),
        max_length=2000,
        help_text=_(
            "Ren tekst, der vises ved siden af PDF'en, for læsere der ikke kan bruge PDF-filen."
        ),
    )
    published = models.BooleanField(
        _("offentliggjort"),
        default=False,
        help_text=_("Vises på siden med tilsynsrapporter og på husets side."),
    )
    is_demo = models.BooleanField(_("demodata"), default=False, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("uploadet af"),
    )
    uploaded_at = models.DateTimeField(_("uploadet"), default=timezone.now, editable=False)

    objects = InspectionReportQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["uploaded_at"])

    class Meta:
        verbose_name = _("tilsynsrapport")
        verbose_name_plural = _("tilsynsrapporter")
        ordering = ["-visit_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "visit_date"],
                name="inspection_one_report_per_unit_and_day",
                violation_error_message=_("Der findes allerede en rapport for enheden den dag."),
            )
        ]

    def __str__(self):
        return f"{self.unit} – {self.visit_date:%d.%m.%Y}" if self.unit_id else str(_("Rapport"))

    def get_absolute_url(self):
        return reverse("daycare:inspection_report_file", kwargs={"pk": self.pk})

    def record_upload(self, user):
        """Who uploaded the PDF, and when: set with each new file."""
        self.uploaded_by = user
        self.uploaded_at = timezone.now()

    @property
    def download_name(self):
        return f"tilsynsrapport-{self.unit.slug}-{self.visit_date:%Y-%m-%d}.pdf"
