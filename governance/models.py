"""Parent boards (forældrebestyrelser), house councils (husråd), by-laws and minutes.

From 001: a parent board per district, of parent representatives from the district's
houses and staff representatives; a pedagogical leader and the district leader attend
without a vote, the district leader as secretary. Dagplejen sits under Hedegård's board
and also has a board of its own. A house council per daycare house. The sources name no
members, by-laws or meetings: staff enter them. Only names and roles are public.
"""

import datetime
import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_cleanup import cleanup
from simple_history.models import HistoricalRecords

from core.pdf import validate_pdf
from districts.constants import DAYCARE_TYPES
from districts.models import District

from .constants import BoardRole, CouncilRole


class GovernanceText(models.Model):
    """The source's texts on what boards and house councils do; one row, Markdown."""

    board_work = models.TextField(_("forældrebestyrelsens arbejdsområder"))
    board_composition = models.TextField(_("forældrebestyrelsernes sammensætning"))
    council_work = models.TextField(_("husrådets opgaver"))
    elections = models.TextField(_("valg"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tekster om bestyrelser og husråd")
        verbose_name_plural = _("tekster om bestyrelser og husråd")

    def __str__(self):
        return str(_("Tekster om bestyrelser og husråd"))


class Board(models.Model):
    name = models.CharField(_("navn"), max_length=150, unique=True)
    slug = models.SlugField(_("webadresse"), max_length=150, unique=True)
    district = models.OneToOneField(
        "districts.District",
        # The board goes with its district, and only with it (BoardAdmin).
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="parent_board",
        verbose_name=_("distrikt"),
        help_text=_("Distriktets forældrebestyrelse. Tom for Dagplejens egen bestyrelse."),
    )
    extra_units = models.ManyToManyField(
        "districts.Institution",
        blank=True,
        related_name="extra_boards",
        verbose_name=_("også for"),
        help_text=_("Enheder uden for distriktet, som bestyrelsen også dækker (Dagplejen)."),
    )

    history = HistoricalRecords(m2m_fields=[extra_units])

    class Meta:
        verbose_name = _("forældrebestyrelse")
        verbose_name_plural = _("forældrebestyrelser")
        # The district boards by district, then Dagplejen's own.
        ordering = [models.F("district__name").asc(nulls_last=True), "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("governance:board_detail", kwargs={"slug": self.page_slug})

    @property
    def page_slug(self):
        # A district's board lives at the district's address: /bestyrelser/baltorp/.
        return self.district.slug if self.district_id else self.slug

    def minutes_url(self):
        """Every published agenda and minutes (the board's page shows the newest)."""
        return reverse("governance:board_minutes", kwargs={"slug": self.page_slug})

    def clean(self):
        super().clean()
        # A board without a district lives at its own slug, which a district's board
        # (at the district's slug) would take: the district's board wins there. Checked
        # when the address is set, so a board that got its clash later (a district
        # named like it) can still be edited by those who cannot change its address.
        if self.district_id or not self.slug:
            return
        stored = Board.objects.filter(pk=self.pk).values("slug", "district_id").first()
        if stored == {"slug": self.slug, "district_id": None}:
            return
        if District.objects.filter(slug=self.slug).exists():
            raise ValidationError(
                _("Webadressen »%(slug)s« er et distrikts bestyrelse. Vælg en anden webadresse.")
                % {"slug": self.slug}
            )

    @property
    def is_district_board(self):
        return self.district_id is not None

    def units_filter(self):
        """The units the board covers, as a filter on institutions: its district's houses
        and district institutions, and the units it covers besides (001: Dagplejen sits
        under Hedegård's board). Dagplejen is in Baltorp's district for the culture
        network (000) but not under Baltorp's board: only ``extra_units`` bring it.
        Each part a subquery of one link table, so no institution comes twice and the
        institutions are not joined to every link."""
        from districts.models import Institution

        extra = Board.extra_units.through.objects.filter(board_id=self.pk)
        covered = models.Q(pk__in=extra.values("institution_id"))
        if self.district_id:
            houses = Institution.districts.through.objects.filter(district_id=self.district_id)
            covered |= models.Q(
                pk__in=houses.values("institution_id"), institution_type__in=DAYCARE_TYPES
            )
        return covered

    def units(self):
        from districts.models import Institution

        return Institution.objects.filter(self.units_filter()).order_by("name")


def ensure_district_board(sender, instance, created, raw=False, **kwargs):
    """Every district has its parent board (001): a district added after the seed gets one
    at once. (While the seed loads, the boards come from fixtures/governance.json.)"""
    if not created or raw or not Board.objects.exists():
        return
    max_length = Board._meta.get_field("name").max_length
    name = str(_("Forældrebestyrelsen i distrikt %(name)s") % {"name": instance.name})
    if len(name) > max_length or Board.objects.filter(name=name).exists():
        suffix = f" ({instance.pk})"
        name = name[: max_length - len(suffix)] + suffix
    Board.objects.get_or_create(
        district=instance, defaults={"name": name, "slug": f"distrikt-{instance.pk}"}
    )


def next_september_election(today=None):
    """The first day of the September of the next election: each house and Dagplejen
    elect at the parent meetings in September, so all through September it is this one."""
    today = today or timezone.localdate()
    year = today.year if today.month <= 9 else today.year + 1
    return datetime.date(year, 9, 1)


class TermQuerySet(models.QuerySet):
    def current(self, today=None):
        today = today or timezone.localdate()
        return self.filter(models.Q(term_end__isnull=True) | models.Q(term_end__gte=today)).filter(
            models.Q(term_start__isnull=True) | models.Q(term_start__lte=today)
        )


class Term(models.Model):
    name = models.CharField(_("navn"), max_length=150)
    term_start = models.DateField(_("valgt fra"), null=True, blank=True)
    term_end = models.DateField(_("valgt til"), null=True, blank=True)
    elected_at = models.DateField(
        _("valgt på forældremødet"),
        null=True,
        blank=True,
        help_text=_("Datoen for septembermødet, der valgte medlemmet."),
    )
    is_demo = models.BooleanField(_("demodata"), default=False)

    objects = TermQuerySet.as_manager()

    class Meta:
        abstract = True

    @staticmethod
    def holds(term_start, term_end, today):
        """Whether a term from ``term_start`` to ``term_end`` (either may be open) holds
        on ``today``: ``TermQuerySet.current()`` for rows already read."""
        return (term_end is None or term_end >= today) and (
            term_start is None or term_start <= today
        )

    def clean(self):
        super().clean()
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError(
                {"term_end": _("Valgperioden kan ikke slutte, før den begynder.")}
            )


class Membership(Term):
    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("bestyrelse")
    )
    role = models.CharField(_("rolle"), max_length=40, choices=BoardRole.choices)
    house = models.ForeignKey(
        "districts.Institution",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="board_parents",
        verbose_name=_("for børnehus"),
        help_text=_("Kun for forældrerepræsentanter: huset, forælderen repræsenterer."),
    )
    is_secretary = models.BooleanField(
        _("sekretær"), default=False, help_text=_("Distriktslederen er sekretær for møderne.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bestyrelsesmedlem")
        verbose_name_plural = _("bestyrelsesmedlemmer")
        ordering = ["role", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["board"],
                condition=models.Q(is_secretary=True),
                name="one_secretary_per_board",
                violation_error_message=_("Bestyrelsen har allerede en sekretær."),
            )
        ]

    def __str__(self):
        return f"{self.name} – {self.get_role_display()}"

    def clean(self):
        super().clean()
        if self.role == BoardRole.PARENT and not self.house_id:
            raise ValidationError({"house": _("Vælg det børnehus, forælderen repræsenterer.")})
        if self.role != BoardRole.PARENT and self.house_id:
            raise ValidationError({"house": _("Kun forældrerepræsentanter repræsenterer et hus.")})
        if (
            self.house_id
            and self.board_id
            and not self.board.units().filter(pk=self.house_id).exists()
        ):
            raise ValidationError(
                {
                    "house": _("%(house)s hører ikke under %(board)s.")
                    % {"house": self.house, "board": self.board}
                }  # fmt: skip
            )
        if self.is_secretary and self.role != BoardRole.DISTRICT_LEADER:
            raise ValidationError(
                {"is_secretary": _("Det er distriktslederen, der er sekretær for møderne.")}
            )


class CouncilMember(Term):
    """A member of a daycare house's house council."""

    house = models.ForeignKey(
        "districts.Institution",
        on_delete=models.CASCADE,
        related_name="council_members",
        verbose_name=_("børnehus"),
    )
    role = models.CharField(_("rolle"), max_length=40, choices=CouncilRole.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("medlem af husråd")
        verbose_name_plural = _("medlemmer af husråd")
        ordering = ["house__name", "role", "name"]

    def __str__(self):
        return f"{self.name} – {self.get_role_display()}, {self.house}"

    def clean(self):
        super().clean()
        if self.house_id and self.house.institution_type not in DAYCARE_TYPES:
            raise ValidationError(
                {"house": _("Husråd findes i børnehuse og distriktsinstitutioner.")}
            )


class BylawsQuerySet(models.QuerySet):
    def in_force(self, today=None):
        return self.filter(effective_date__lte=today or timezone.localdate())


def bylaws_upload_to(instance, filename):
    """A server-made name: the date it applies from and a random part. The uploaded name
    is never used."""
    return f"vedtaegter/{instance.effective_date:%Y-%m-%d}-{secrets.token_hex(8)}.pdf"


@cleanup.select  # the signed PDF goes when it is replaced, cleared or the row deleted
class Bylaws(models.Model):
    """One version of the by-laws (vedtægter) of one or more boards: the text the page
    shows, and optionally the signed copy as a PDF."""

    title = models.CharField(_("titel"), max_length=200)
    effective_date = models.DateField(_("gælder fra"))
    text = models.TextField(
        _("tekst"),
        help_text=_(
            "Vedtægternes tekst. Du kan skrive **fed**, lave punkter med - og "
            "overskrifter med # foran."
        ),
    )
    signed_pdf = models.FileField(
        _("underskrevet udgave (PDF)"),
        upload_to=bylaws_upload_to,
        max_length=200,
        blank=True,
        validators=[validate_pdf],
        help_text=_(
            "Valgfri. Den underskrevne udgave som en almindelig PDF-fil på højst 20 MB, uden "
            "adgangskode. Siden viser teksten ovenfor og linker til filen."
        ),
    )
    boards = models.ManyToManyField(Board, related_name="bylaws", verbose_name=_("bestyrelser"))
    is_demo = models.BooleanField(_("demodata"), default=False)

    objects = BylawsQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[boards])

    class Meta:
        verbose_name = _("vedtægter")
        verbose_name_plural = _("vedtægter")
        ordering = ["-effective_date"]

    def __str__(self):
        return f"{self.title} ({self.effective_date:%d.%m.%Y})"

    def get_pdf_url(self):
        return reverse("governance:bylaws_file", kwargs={"pk": self.pk})

    @property
    def download_name(self):
        return f"vedtaegter-{self.effective_date:%Y-%m-%d}.pdf"


class BoardMeetingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class BoardMeeting(models.Model):
    # Minutes are the board's record: never deleted along with a board or its district
    # (the admin names them and refuses; each is deleted on its own, if ever).
    board = models.ForeignKey(
        Board, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("bestyrelse")
    )
    date = models.DateField(_("dato"))
    agenda = models.TextField(_("dagsorden"), blank=True)
    minutes = models.TextField(_("referat"), blank=True)
    published = models.BooleanField(
        _("offentliggjort"), default=False, help_text=_("Vises på bestyrelsens side.")
    )
    is_demo = models.BooleanField(_("demodata"), default=False)

    objects = BoardMeetingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bestyrelsesmøde")
        verbose_name_plural = _("bestyrelsesmøder")
        ordering = ["-date"]

    def __str__(self):
        return f"{self.board} {self.date:%d.%m.%Y}"

    def get_absolute_url(self):
        # Published minutes are listed on the board's page.
        return self.board.get_absolute_url() + "#referater"
