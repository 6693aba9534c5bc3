"""Districts, their institutions, and the people who lead them.

District membership is many-to-many: Klub Syd is one institution listed under both
Baltorp and Hedegård. Contact fields are optional because the sources give none; staff
fill them in, and nothing is invented.
"""

import contextlib
import datetime
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce, Greatest, NullIf
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.danish import slugify
from core.history import history_rows
from core.validators import phone_validator

from . import dependents, opening_hours
from .constants import DAYCARE_TYPES, InstitutionType, RoleType


class SlugNaturalKeyManager(models.Manager):
    """Fixtures refer to districts and institutions by slug, so loading them twice
    updates nothing and duplicates nothing."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


# No prepopulated_fields in the admin: its JavaScript writes ø as o, not oe. A blank
# slug is made here, on the server, with the Danish rule.
class SluggedModel(models.Model):
    name = models.CharField(_("navn"), max_length=150, unique=True)
    slug = models.SlugField(
        _("webadresse"),
        max_length=150,
        unique=True,
        blank=True,
        help_text=_("Dannes af navnet, hvis feltet er tomt (æ→ae, ø→oe, å→aa)."),
    )
    # A name without Latin letters or digits (emoji, Arabic, "<>") gives no slug; the page
    # is then found at "<prefix>-<id>" instead.
    slug_prefix = "side"

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.slug_from_name()
        if not self.slug:
            # Saved first under a unique placeholder to get the id the address is made of.
            self.slug = f"{self.slug_prefix}-{uuid.uuid4().hex}"
            super().save(*args, **kwargs)
            self.slug = self.free_slug(f"{self.slug_prefix}-{self.pk}")
            kwargs = {"update_fields": ["slug"]}
        super().save(*args, **kwargs)

    def natural_key(self):
        return (self.slug,)

    def free_slug(self, slug):
        """``slug``, or ``slug-2``, ``slug-3``… when another row has it (a name such as
        "Institution 14" already gives ``institution-14``)."""
        taken = type(self)._default_manager.exclude(pk=self.pk)
        candidate, n = slug, 1
        while taken.filter(slug=candidate).exists():
            n += 1
            candidate = f"{slug}-{n}"
        return candidate

    def slug_from_name(self):
        max_length = self._meta.get_field("slug").max_length
        return slugify(self.name)[:max_length].strip("-")

    def clean(self):
        super().clean()
        if not self.slug and self.name:
            self.slug = self.slug_from_name()
            # A form that does not show the slug does not check it is unique either.
            taken = type(self)._default_manager.filter(slug=self.slug).exclude(pk=self.pk)
            if self.slug and taken.exists():
                raise ValidationError(
                    {
                        "name": _(
                            "Navnet giver webadressen »%(slug)s«, som en anden side "
                            "allerede har. Vælg et andet navn."
                        )
                        % {"slug": self.slug}
                    }
                )


def latest_change(model, **where):
    """The time of ``model``'s newest history row matching ``where`` (a subquery)."""
    rows = history_rows(model).filter(**where).order_by("-history_date").values("history_date")
    return Subquery(rows[:1])


def last_changed(model, role_link, *more):
    """ "Sidst opdateret" of a district or an institution: the newest of its own history,
    its roles' history (a leader added or removed changes the page too) and the history
    of the people in those roles (a leader's new phone number shows on the page), in the
    page's own query; ``more`` adds other subqueries of history dates. ``role_link``
    names the role's field pointing at ``model``."""
    own = latest_change(model, id=OuterRef("pk"))
    roles = latest_change(Role, **{role_link: OuterRef("pk")})
    people = latest_change(
        Person,
        id__in=Role.objects.filter(**{role_link: OuterRef(OuterRef("pk"))}).values("person_id"),
    )
    return newest(own, roles, people, *more)


# Older than any history row: stands in for "no row" (Greatest is NULL on SQLite when
# any argument is).
NO_CHANGE = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def newest(*times):
    """The newest of ``times`` (history subqueries, any of which may find no row)."""
    never = models.Value(NO_CHANGE, output_field=models.DateTimeField())
    return NullIf(Greatest(*(Coalesce(time, never) for time in times)), never)


class DistrictQuerySet(models.QuerySet):
    def with_last_changed(self):
        """Each district with ``last_changed``, the time its page last changed."""
        # The district's page lists its houses: their history counts too (a house added
        # to the district or renamed; one taken out of it is not seen here).
        houses = latest_change(
            Institution,
            id__in=Institution.districts.through.objects.filter(
                district_id=OuterRef(OuterRef("pk"))
            ).values("institution_id"),
        )
        return self.annotate(last_changed=last_changed(District, "district_id", houses))

    def with_institution_count(self):
        return self.annotate(institution_count=models.Count("institutions", distinct=True))

    def with_leaders(self):
        return self.prefetch_related(
            Prefetch(
                "roles",
                queryset=Role.objects.filter(role_type=RoleType.DISTRICT_LEADER).select_related(
                    "person"
                ),
                to_attr="leader_roles",
            )
        )


class District(SluggedModel):
    slug_prefix = "distrikt"
    description = models.TextField(_("beskrivelse"), blank=True)
    phone = models.CharField(
        _("telefon"),
        max_length=20,
        blank=True,
        validators=[phone_validator],
        help_text=_("Distriktets eget nummer, fx distriktskontorets."),
    )
    email = models.EmailField(_("e-mail"), blank=True)

    objects = SlugNaturalKeyManager.from_queryset(DistrictQuerySet)()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("distrikt")
        verbose_name_plural = _("distrikter")
        ordering = ["name"]

    def get_absolute_url(self):
        return reverse("districts:district_detail", kwargs={"slug": self.slug})

    @property
    def leader(self):
        """The district leader's person, from ``with_leaders()`` when it was used."""
        roles = getattr(self, "leader_roles", None)
        if roles is None:
            roles = self.roles.filter(role_type=RoleType.DISTRICT_LEADER).select_related("person")
        return roles[0].person if roles else None


class InstitutionQuerySet(models.QuerySet):
    def with_last_changed(self):
        """Each institution with ``last_changed``, the time its page last changed."""
        # What other apps show on the page (a house's council) counts too.
        more = [part() for part in dependents.institution_history]
        return self.annotate(last_changed=last_changed(Institution, "institution_id", *more))

    def in_district(self, district):
        return self.filter(districts=district)

    def for_listing(self):
        """What a list of institutions shows: the type, every district, no N+1."""
        return self.prefetch_related("districts")


class Institution(SluggedModel):
    slug_prefix = "institution"
    institution_type = models.CharField(
        _("type"), max_length=30, choices=InstitutionType.choices, db_index=True
    )
    districts = models.ManyToManyField(
        District,
        related_name="institutions",
        verbose_name=_("distrikter"),
        help_text=_("En institution kan høre til flere distrikter, fx Klub Syd."),
    )
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("postnummer"),
        max_length=4,
        blank=True,
        validators=[RegexValidator(r"^[0-9]{4}$", _("Et postnummer har fire cifre."))],
    )
    city = models.CharField(_("by"), max_length=100, blank=True)
    phone = models.CharField(_("telefon"), max_length=20, blank=True, validators=[phone_validator])
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("hjemmeside"), blank=True)
    family_day_carers = models.PositiveSmallIntegerField(
        _("antal dagplejere"),
        null=True,
        blank=True,
        help_text=_("Kun for dagplejen: hvor mange dagplejere der er i kommunen."),
    )
    part_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="houses",
        verbose_name=_("del af distriktsinstitution"),
        limit_choices_to={"institution_type": InstitutionType.DISTRICT_INSTITUTION},
        help_text=_(
            "Et børnehus, der hører under en distriktsinstitution (fx Rugvænget, Østerhøj "
            "eller Hede-/Magleparken)."
        ),
    )
    age_group = models.CharField(
        _("aldersgruppe"), max_length=60, blank=True, help_text=_("Fx 0–6 år.")
    )
    places = models.PositiveSmallIntegerField(
        _("antal pladser"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(5000)],
        help_text=_("Hvor mange børn institutionen har plads til."),
    )
    hours_monday = models.CharField(
        _("mandag"), max_length=20, blank=True, validators=[opening_hours.validate]
    )
    hours_tuesday = models.CharField(
        _("tirsdag"), max_length=20, blank=True, validators=[opening_hours.validate]
    )
    hours_wednesday = models.CharField(
        _("onsdag"), max_length=20, blank=True, validators=[opening_hours.validate]
    )
    hours_thursday = models.CharField(
        _("torsdag"), max_length=20, blank=True, validators=[opening_hours.validate]
    )
    hours_friday = models.CharField(
        _("fredag"), max_length=20, blank=True, validators=[opening_hours.validate]
    )
    hours_saturday = models.CharField(
        _("lørdag"), max_length=20, blank=True, validators=[opening_hours.validate]
    )
    hours_sunday = models.CharField(
        _("søndag"), max_length=20, blank=True, validators=[opening_hours.validate]
    )

    objects = SlugNaturalKeyManager.from_queryset(InstitutionQuerySet)()
    # The districts are part of an institution's history: moving Klub Syd out of a
    # district is a change staff must be able to see and undo.
    history = HistoricalRecords(m2m_fields=[districts])

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutioner")
        ordering = ["name"]

    def get_absolute_url(self):
        return reverse("districts:institution_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        for name in HOURS_FIELDS:
            # A value that cannot be read is reported by the field's own validator.
            with contextlib.suppress(ValidationError):
                setattr(self, name, opening_hours.normalise(getattr(self, name)))
        if self.part_of_id is not None:
            if self.part_of_id == self.pk:
                raise ValidationError(
                    {"part_of": _("En institution kan ikke være en del af sig selv.")}
                )
            if self.institution_type != InstitutionType.DAYCARE_HOUSE:
                raise ValidationError(
                    {"part_of": _("Kun et børnehus kan høre under en distriktsinstitution.")}
                )
            if self.part_of.institution_type != InstitutionType.DISTRICT_INSTITUTION:
                raise ValidationError({"part_of": _("Vælg en distriktsinstitution.")})
        if (
            self.pk
            and self.institution_type != InstitutionType.DISTRICT_INSTITUTION
            and self.houses.exists()
        ):
            raise ValidationError(
                {
                    "institution_type": _(
                        "Der hører børnehuse under distriktsinstitutionen. Flyt dem først, "
                        "og skift så typen."
                    )
                }
            )
        if (
            self.family_day_carers is not None
            and self.institution_type != InstitutionType.FAMILY_DAYCARE
        ):
            raise ValidationError(
                {"family_day_carers": _("Antal dagplejere kan kun angives for en dagpleje.")}
            )
        if self.pk:
            # Rows of other apps the new type does not fit (a culture seat for the school
            # held from a house that would be a club), all named at once.
            problems = dependents.type_problems(self)
            if self.institution_type not in DAYCARE_TYPES:
                # A house council or a board's parent representatives (governance) would
                # be left behind, and the board's members could no longer be saved.
                problems += dependents.daycare_problems(self)
            if problems:
                raise ValidationError({"institution_type": problems})
        leads = self.pk and self.roles.filter(role_type=RoleType.PEDAGOGICAL_LEADER).exists()
        if leads and self.institution_type not in DAYCARE_TYPES:
            # The leaders would vanish from the public page but stay in the database.
            raise ValidationError(
                {
                    "institution_type": _(
                        "Institutionen har pædagogiske ledere, og dem har kun børnehuse og "
                        "distriktsinstitutioner. Fjern lederne først, og skift så typen."
                    )
                }
            )

    @property
    def only_district(self):
        """The institution's district when it has exactly one (Klub Syd has two)."""
        districts = list(self.districts.all())
        return districts[0] if len(districts) == 1 else None

    @property
    def has_contact(self):
        return any((self.address, self.phone, self.email, self.website))

    @property
    def opening_hours(self):
        """``[(weekday, hours)]`` for the days staff filled in, Monday first."""
        return [(label, getattr(self, name)) for name, label in WEEKDAYS if getattr(self, name)]

    @property
    def opening_hours_grouped(self):
        """``[(days, hours)]``: ``opening_hours`` with following days of the same hours as
        one line ("Mandag–fredag", "6.30–17.00"), so the week fits a phone's first screen."""
        groups = []  # [first day, last day or None, hours]
        previous = ""
        for name, label in WEEKDAYS:
            hours = getattr(self, name)
            if hours and hours == previous:
                groups[-1][1] = label
            elif hours:
                groups.append([label, None, hours])
            previous = hours
        lines = []
        for first, last, hours in groups:
            days = f"{first}–{str(last).lower()}" if last is not None else str(first)
            lines.append((days, hours))
        return lines

    @property
    def map_search_url(self):
        """A map search for the address: a link only, no map is embedded."""
        if not self.address:
            return ""
        place = ", ".join(p for p in (self.address, f"{self.postal_code} {self.city}".strip()) if p)
        return "https://www.openstreetmap.org/search?" + urlencode({"query": place})

    @property
    def is_daycare(self):
        """A daycare unit (0–5 years): a house, a district institution or Dagplejen."""
        return self.institution_type in (*DAYCARE_TYPES, InstitutionType.FAMILY_DAYCARE)

    @property
    def has_pedagogical_leaders(self):
        return self.institution_type in DAYCARE_TYPES


WEEKDAYS = [
    ("hours_monday", _("Mandag")),
    ("hours_tuesday", _("Tirsdag")),
    ("hours_wednesday", _("Onsdag")),
    ("hours_thursday", _("Torsdag")),
    ("hours_friday", _("Fredag")),
    ("hours_saturday", _("Lørdag")),
    ("hours_sunday", _("Søndag")),
]
HOURS_FIELDS = [name for name, _label in WEEKDAYS]


class Person(models.Model):
    """Someone who holds a role. ``is_demo`` marks people invented by ``create_demo``."""

    name = models.CharField(_("navn"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=20, blank=True, validators=[phone_validator])
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("brugerkonto"),
        help_text=_("Den konto personen logger ind med i administrationen, hvis nogen."),
    )
    is_demo = models.BooleanField(
        _("demodata"),
        default=False,
        help_text=_("Opdigtet person fra en lokal demo. Findes aldrig i produktion."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Role(models.Model):
    """A person's role: district leader of a district, or pedagogical leader of a house."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="roles", verbose_name=_("person")
    )
    role_type = models.CharField(_("rolle"), max_length=40, choices=RoleType.choices)
    district = models.ForeignKey(
        District,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roles",
        verbose_name=_("distrikt"),
    )
    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roles",
        verbose_name=_("institution"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rolle")
        verbose_name_plural = _("roller")
        ordering = ["role_type", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["district"],
                condition=Q(role_type=RoleType.DISTRICT_LEADER),
                name="one_leader_per_district",
                violation_error_message=_("Distriktet har allerede en distriktsleder."),
            ),
            # A role has a district or an institution, never both; NULLs are distinct
            # in a unique index, so each kind gets its own constraint.
            models.UniqueConstraint(
                fields=["person", "role_type", "district"],
                condition=Q(institution__isnull=True),
                name="unique_district_role",
                violation_error_message=_("Personen har allerede denne rolle."),
            ),
            models.UniqueConstraint(
                fields=["person", "role_type", "institution"],
                condition=Q(district__isnull=True),
                name="unique_institution_role",
                violation_error_message=_("Personen har allerede denne rolle."),
            ),
        ]

    def __str__(self):
        place = self.institution or self.district
        return f"{self.person} – {self.get_role_type_display()}, {place}"

    def clean(self):
        super().clean()
        if self.role_type == RoleType.DISTRICT_LEADER:
            if not self.district_id:
                raise ValidationError({"district": _("Vælg det distrikt, rollen gælder.")})
            if self.institution_id:
                raise ValidationError(
                    {"institution": _("Denne rolle gælder et distrikt, ikke en institution.")}
                )
        elif self.role_type == RoleType.PEDAGOGICAL_LEADER:
            if not self.institution_id:
                raise ValidationError({"institution": _("Vælg det børnehus, rollen gælder.")})
            if self.district_id:
                raise ValidationError(
                    {"district": _("En pædagogisk leder knyttes til et hus, ikke et distrikt.")}
                )
            if self.institution.institution_type not in DAYCARE_TYPES:
                raise ValidationError(
                    {
                        "institution": _(
                            "Pædagogiske ledere hører til børnehuse og distriktsinstitutioner."
                        )
                    }
                )
        elif self.role_type == RoleType.CULTURE_CONTACT:
            if not self.institution_id:
                raise ValidationError({"institution": _("Vælg den institution, rollen gælder.")})
            if self.district_id:
                raise ValidationError(
                    {"district": _("En kulturkontaktperson knyttes til en institution.")}
                )
