"""Closing days: the days all daycare in the municipality closes, and where alternative
care (alternativ pasning) is offered on the days that have it.

A closing day is municipality-wide; where alternative care is offered is set per
district (``AlternativeCare``), by that district's leader. The sources give no dates:
every closing day is entered by staff or proposed from the editable rules
(``ClosingDayRule``) as a draft that staff publish.
"""

from datetime import date, timedelta

import holidays
from dateutil.easter import easter
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, router, transaction
from django.db.models.functions import Greatest, TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from daycare.constants import PublicationStatus, RuleKind
from districts.constants import DAYCARE_TYPES

# Why a proposal leaves a date out (shown to the administrator).
SKIP_EXISTS = _("findes allerede")
SKIP_HOLIDAY = _("helligdag")
SKIP_WEEKEND = _("lørdag eller søndag")


class ClosingDayQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)

    def upcoming(self, today=None):
        return self.filter(date__gte=today or timezone.localdate())

    def past(self, today=None):
        return self.filter(date__lt=today or timezone.localdate())

    def in_years(self, *years):
        return self.filter(date__year__in=years)

    def shown(self, today=None):
        """What the page and the calendar feeds show: this year's and next year's
        published closing days."""
        year = (today or timezone.localdate()).year
        return self.published().in_years(year, year + 1)

    def rows(self, district_id=None):
        """The days as dicts of their shown fields (``SHOWN_FIELDS``), each with
        ``changed_fields`` (the labels of what changed since it was published) and
        ``places`` (``AlternativeCareQuerySet.places``: only ``district_id``'s when
        given): two queries whatever the number of days, and no model instances."""
        days = list(
            self.values(
                *SHOWN_FIELDS,
                # The days it was published and last changed, in Danish time.
                published_on=TruncDate("published_at"),
                changed_on=TruncDate("changed_at"),
                places_changed_on=TruncDate("places_changed_at"),
            )
        )
        if not days:
            return days
        places = AlternativeCare.objects.places(
            [day["pk"] for day in days if day["alternative_care"]], district_id
        )
        for day in days:
            changed = day["changed_since_publication"]
            day["changed_fields"] = [field_label(name) for name in changed.split(",") if name]
            if day["places_changed_on"]:
                day["changed_fields"].append(str(PLACES_LABEL))
                if not day["changed_fields"][:-1] or day["places_changed_on"] > day["changed_on"]:
                    day["changed_on"] = day["places_changed_on"]
            day["places"] = places.get(day["pk"], NO_PLACES)
        return days

    def with_alternative_care(self):
        """Each day's places, per district with its houses, read once for all days."""
        return self.prefetch_related(
            models.Prefetch(
                "care_places",
                queryset=AlternativeCare.objects.select_related("district")
                .prefetch_related("houses")
                .order_by("district__name"),
            )
        )


# What the page and the feeds show of a day (``ClosingDayQuerySet.rows``).
SHOWN_FIELDS = ("pk", "date", "name", "alternative_care", "signup_deadline", "signup_text",
                "signup_url", "note", "is_demo", "changed_at", "changed_since_publication",
                "feed_sequence", "feed_changed_at")  # fmt: skip
NO_PLACES = {}
# What the page names among the changes when a place changed (``places_changed_at``).
PLACES_LABEL = _("sted for alternativ pasning")


def field_label(name):
    return str(ClosingDay._meta.get_field(name).verbose_name)


def changes_in(versions, fields):
    """``(saves, changed)`` from a day's ``versions`` since it was published (tuples of
    ``fields``' values, oldest first): the version saved when it was published is the
    one parents first saw; ``saves`` counts the saves after it, ``changed`` names the
    fields (A–Z, comma-separated) in which the latest version differs from it."""
    if len(versions) < 2:
        return 0, ""
    first, last = versions[0], versions[-1]
    changed = [name for name, old, new in zip(fields, first, last, strict=True) if old != new]
    return len(versions) - 1, ",".join(changed)


class AlternativeCareQuerySet(models.QuerySet):
    def places(self, days, district_id=None):
        """``{day pk: {district pk: (district name, note, [(house name, house slug), …])}}``
        for ``days`` (pks, or a query of them), the districts and the houses A–Å: one
        query, no model instances."""
        rows = self.filter(closing_day__in=days)
        if district_id is not None:
            rows = rows.filter(district_id=district_id)
        rows = rows.order_by("closing_day_id", "district__name", "houses__name").values_list(
            "closing_day_id", "district_id", "district__name", "note", "houses__name",
            "houses__slug",
        )  # fmt: skip
        places = {}
        for day_pk, district_pk, district_name, note, name, slug in rows:
            place = places.setdefault(day_pk, {}).get(district_pk)
            if place is None:
                place = places[day_pk][district_pk] = (district_name, note, [])
            if name is not None:
                place[2].append((name, slug))
        return places


class ClosingDay(models.Model):
    date = models.DateField(
        _("dato"),
        unique=True,
        error_messages={"unique": _("Der er allerede en lukkedag på denne dato.")},
    )
    name = models.CharField(
        _("betegnelse"), max_length=150, help_text=_("Fx »Fredag efter Kristi himmelfartsdag«.")
    )
    alternative_care = models.BooleanField(
        _("alternativ pasning"),
        default=False,
        help_text=_(
            "Om der tilbydes alternativ pasning denne dag. Stederne sætter hvert "
            "distrikts leder under »Alternativ pasning«."
        ),  # fmt: skip
    )
    signup_deadline = models.DateField(
        _("tilmeldingsfrist"),
        null=True,
        blank=True,
        help_text=_("Sidste dag, forældre kan tilmelde deres barn alternativ pasning."),
    )
    signup_text = models.TextField(
        _("sådan tilmelder man sig"),
        blank=True,
        help_text=_("Fx »Tilmeld dit barn i Aula«. Vises ved dagen."),
    )
    signup_url = models.URLField(_("link til tilmelding"), blank=True)
    note = models.TextField(_("bemærkning"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        help_text=_("Kun offentliggjorte lukkedage vises for forældre og i kalenderne."),
    )
    is_demo = models.BooleanField(
        _("demodata"),
        default=False,
        help_text=_("Opdigtet lukkedag fra en lokal demo. Findes aldrig i produktion."),
    )
    published_at = models.DateTimeField(_("offentliggjort"), null=True, blank=True, editable=False)
    changed_at = models.DateTimeField(_("senest ændret"), auto_now=True)
    # What parents are told changed since publication, kept on the row by every save
    # (``record_changes``), so that the page and the feeds read no history: the number
    # of saves since (the feeds' SEQUENCE) and the watched fields that differ now.
    saves_since_publication = models.PositiveIntegerField(
        _("gemt siden offentliggørelsen"), default=0, editable=False
    )
    changed_since_publication = models.CharField(
        _("ændret siden offentliggørelsen"), max_length=200, blank=True, editable=False
    )
    # The calendar feeds' SEQUENCE and DTSTAMP/LAST-MODIFIED (``bump_feed``): the
    # SEQUENCE never goes down (a day unpublished and published again, or a place of
    # alternative care changed, counts on from where it was), so a calendar program
    # that kept an earlier version always takes the new one.
    feed_sequence = models.PositiveIntegerField(_("kalenderversion"), default=0, editable=False)
    feed_changed_at = models.DateTimeField(
        _("ændret i kalenderen"), null=True, blank=True, editable=False
    )
    # When a place of alternative care last changed after the day was published (a place
    # added, deleted, its note or houses changed; ``bump_feed``): the page says so with
    # what changed in the day's own fields. A new publication starts it over.
    places_changed_at = models.DateTimeField(
        _("sted for alternativ pasning ændret"), null=True, blank=True, editable=False
    )

    objects = ClosingDayQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=[
            "saves_since_publication",
            "changed_since_publication",
            "feed_sequence",
            "feed_changed_at",
            "places_changed_at",
        ]
    )

    class Meta:
        verbose_name = _("lukkedag")
        verbose_name_plural = _("lukkedage")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%d.%m.%Y} {self.name}"

    def save(self, *args, **kwargs):
        # One transaction: what changed is stored before the save commits (and before
        # the content version moves on, on commit).
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using):
            stored = None
            if self.pk is not None:
                # The publication and the feed's version as stored now (a place may have
                # changed since this instance was read), locked until the save commits:
                # the save writes them back unchanged, and ``record_feed_version`` counts
                # on from the feed's.
                stored = (
                    ClosingDay.objects.using(using)
                    .select_for_update()
                    .filter(pk=self.pk)
                    .values_list(
                        "published_at", "feed_sequence", "feed_changed_at", "places_changed_at"
                    )
                    .first()
                )
            if stored is not None:
                # When the day was published is the stored time, never the instance's:
                # an earlier version restored from the history brings back its fields,
                # not the publication parents were told of then.
                self.published_at, self.feed_sequence, self.feed_changed_at, places_changed_at = (
                    stored
                )
            was_published = self.published_at is not None
            # Parents are told when a day was published; a draft has not been.
            if self.status == PublicationStatus.PUBLISHED and self.published_at is None:
                self.published_at = timezone.now()
            elif self.status == PublicationStatus.DRAFT:
                self.published_at = None
            if stored is not None:
                # A new publication starts the places' changes over.
                still_published = was_published and self.published_at is not None
                self.places_changed_at = places_changed_at if still_published else None
            super().save(*args, **kwargs)
            self.record_changes(using)
            self.record_feed_version(using, was_published)

    def get_absolute_url(self):
        # A published day is on the page of closing days.
        return reverse("daycare:closing_days")

    # What parents are told changed after publication (the fields they see).
    WATCHED_FIELDS = ("date", "name", "alternative_care", "signup_deadline", "signup_text",
                      "signup_url", "note")  # fmt: skip

    def record_changes(self, using=None):
        """Store what changed since the day was published (``changes_in``), from its
        history: this save's version is in it by now (django-simple-history writes it
        on ``post_save``). Every save goes through here (the admin's form, its actions,
        a version restored from the history), so the stored changes always follow the
        history; an ``update()`` writes no history and changes nothing here."""
        saves, changed = 0, ""
        if self.published_at is not None:
            fields = sorted(self.WATCHED_FIELDS)
            history = apps.get_model("daycare", "HistoricalClosingDay")
            versions = list(
                history.objects.filter(id=self.pk, history_date__gte=self.published_at)
                .order_by("history_date", "history_id")
                .values_list(*fields)
            )
            saves, changed = changes_in(versions, fields)
        if (saves, changed) != (self.saves_since_publication, self.changed_since_publication):
            self.saves_since_publication, self.changed_since_publication = saves, changed
            ClosingDay.objects.using(using).filter(pk=self.pk).update(
                saves_since_publication=saves, changed_since_publication=changed
            )

    def record_feed_version(self, using, was_published):
        """After a save: the feeds' SEQUENCE counts on. A day in the feed counts each
        save (its first publication is 0, and it never falls below the saves since
        publication the page counts); a day taken out of the feed counts one more, so
        that publishing it again shows calendars a newer version than they kept."""
        # Counted on the stored value, in the database: a place changed meanwhile by
        # someone else (``bump_feed``) is not counted over.
        stored = models.F("feed_sequence")
        if self.published_at is not None:
            saves = self.saves_since_publication
            if saves:
                sequence = Greatest(stored + 1, models.Value(saves))
            else:  # the first publication is 0; a publication again counts on
                sequence = models.Case(
                    models.When(feed_sequence=0, then=models.Value(0)), default=stored + 1
                )
        elif was_published:
            sequence = stored + 1
        else:
            return
        rows = ClosingDay.objects.using(using).filter(pk=self.pk)
        rows.update(feed_sequence=sequence, feed_changed_at=timezone.now())
        self.feed_sequence, self.feed_changed_at = rows.values_list(
            "feed_sequence", "feed_changed_at"
        ).get()

    @classmethod
    def bump_feed(cls, pk, using=None):
        """A published day's feed entry changed without the day being saved (a place of
        alternative care): one version more, changed now."""
        now = timezone.now()
        cls.objects.using(using).filter(pk=pk, published_at__isnull=False).update(
            feed_sequence=models.F("feed_sequence") + 1,
            feed_changed_at=now,
            places_changed_at=now,
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.date and self.date.weekday() >= 5:
            errors["date"] = _("Datoen er en lørdag eller søndag, hvor dagtilbud altid er lukket.")
        if self.signup_deadline and self.date and self.signup_deadline >= self.date:
            errors["signup_deadline"] = _("Tilmeldingsfristen skal ligge før lukkedagen.")
        if not self.alternative_care and (
            self.signup_deadline or self.signup_text or self.signup_url
        ):
            errors["alternative_care"] = _(
                "Der er skrevet en tilmelding til alternativ pasning. Sæt kryds ved "
                "»alternativ pasning«, eller fjern tilmeldingen."
            )
        if self.status == PublicationStatus.PUBLISHED and self.publish_problems():
            errors.setdefault("status", self.publish_refusal())
        if errors:
            raise ValidationError(errors)

    def publish_problems(self):
        """What parents would miss if the day were published now (empty: it may be)."""
        problems = []
        if self.alternative_care:
            if not self.signup_deadline:
                problems.append(_("ingen tilmeldingsfrist"))
            if not (self.signup_text.strip() or self.signup_url):
                problems.append(_("ingen tekst eller link om, hvordan man tilmelder sig"))
        return problems

    def publish_refusal(self):
        """The Danish message that refuses to publish this day, naming it."""
        return _(
            "%(day)s kan ikke offentliggøres: der er alternativ pasning, men %(problems)s. "
            "Udfyld det under »Alternativ pasning« på lukkedagen."
        ) % {"day": self, "problems": _(" og ").join(str(p) for p in self.publish_problems())}

    def publish(self):
        """Publish the day if nothing is missing; returns whether it is published now.
        Saved one by one: each records when it was published, in its history too."""
        if self.publish_problems():
            return False
        self._set_status(PublicationStatus.PUBLISHED)
        return True

    @property
    def is_published(self):
        return self.status == PublicationStatus.PUBLISHED

    def unpublish(self):
        """Make the day a draft again; ``False`` if it already was one."""
        return self._set_status(PublicationStatus.DRAFT)

    def _set_status(self, status):
        if self.status == status:
            return False
        # Saved, not updated: the save records when it was published, in its history too;
        # atomic, so that its notice to subscribers (notify/receivers.py) commits with it.
        self.status = status
        with transaction.atomic():
            self.save()
        return True


class AlternativeCare(models.Model):
    """Where alternative care is offered on a closing day in one district."""

    closing_day = models.ForeignKey(
        ClosingDay,
        on_delete=models.CASCADE,
        related_name="care_places",
        verbose_name=_("lukkedag"),
    )
    district = models.ForeignKey(
        "districts.District",
        on_delete=models.CASCADE,
        related_name="alternative_care",
        verbose_name=_("distrikt"),
    )
    houses = models.ManyToManyField(
        "districts.Institution",
        related_name="alternative_care",
        verbose_name=_("børnehuse"),
        help_text=_("De huse i distriktet, hvor der er alternativ pasning denne dag."),
    )
    note = models.CharField(_("bemærkning"), max_length=300, blank=True)

    objects = AlternativeCareQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[houses])

    class Meta:
        verbose_name = _("alternativ pasning")
        verbose_name_plural = _("alternativ pasning")
        ordering = ["closing_day__date", "district__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["closing_day", "district"],
                name="one_alternative_care_per_district_and_day",
                violation_error_message=_(
                    "Distriktet har allerede alternativ pasning for denne lukkedag."
                ),
            )
        ]

    def __str__(self):
        return f"{self.closing_day} – {self.district}"

    def clean(self):
        super().clean()
        if self.closing_day_id and not self.closing_day.alternative_care:
            raise ValidationError(
                {"closing_day": _("Der tilbydes ikke alternativ pasning på denne lukkedag.")}
            )

    def validate_houses(self, houses):
        """The houses must be daycare houses of this district (checked by the form, as
        many-to-many links are set after the row is saved)."""
        wrong = [
            house.name
            for house in houses
            if house.institution_type not in DAYCARE_TYPES
            or self.district_id not in {d.pk for d in house.districts.all()}
        ]
        if wrong:
            raise ValidationError(
                _("%(houses)s er ikke et børnehus i distriktet.") % {"houses": ", ".join(wrong)}
            )


# The Easter offsets that give a day in Easter's own year, whatever the year: Easter
# Sunday falls from 22 March (80 days after 1 January in a year that is not a leap year)
# to 25 April (250 days before 31 December).
EASTER_OFFSETS = (
    -(date(2027, 3, 22) - date(2027, 1, 1)).days,
    (date(2027, 12, 31) - date(2027, 4, 25)).days,
)


class ClosingDayRule(models.Model):
    """One line of the rule set that proposes next year's closing days (as drafts)."""

    name = models.CharField(_("betegnelse"), max_length=150)
    kind = models.CharField(_("slags"), max_length=20, choices=RuleKind.choices)
    month = models.PositiveSmallIntegerField(_("måned"), null=True, blank=True)
    day = models.PositiveSmallIntegerField(_("dag"), null=True, blank=True)
    end_day = models.PositiveSmallIntegerField(
        _("til og med dag"), null=True, blank=True, help_text=_("Kun for en periode.")
    )
    easter_offset = models.SmallIntegerField(
        _("dage fra påskedag"),
        null=True,
        blank=True,
        help_text=_("Fx -6 for mandag før påske, 40 for fredag efter Kristi himmelfartsdag."),
    )
    alternative_care = models.BooleanField(_("alternativ pasning"), default=False)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    # The sources give no closing days: the only rules the portal brings are the demo
    # data of a local run (``daycare.demo``); the municipality's rules are staff's.
    is_demo = models.BooleanField(_("demodata"), default=False, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("regel for lukkedage")
        verbose_name_plural = _("regler for lukkedage")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.kind == RuleKind.EASTER:
            if self.easter_offset is None:
                raise ValidationError({"easter_offset": _("Angiv antal dage fra påskedag.")})
            low, high = EASTER_OFFSETS
            if not low <= self.easter_offset <= high:
                raise ValidationError(
                    {
                        "easter_offset": _(
                            "Dagen skal ligge i samme år som påskedag: angiv et antal dage "
                            "fra %(low)d til %(high)d."
                        )
                        % {"low": low, "high": high}
                    }
                )
            return
        if not self.month or not self.day:
            raise ValidationError({"day": _("Angiv dag og måned.")})
        if self.kind == RuleKind.RANGE and (not self.end_day or self.end_day < self.day):
            raise ValidationError({"end_day": _("Angiv en slutdag efter startdagen.")})
        try:
            date(2028, self.month, self.end_day or self.day)  # a leap year allows 29 Feb
        except (ValueError, OverflowError):  # a day of 99999999999 overflows
            raise ValidationError({"day": _("Den dato findes ikke.")}) from None

    def dates(self, year):
        """The weekdays this rule gives in ``year``. A period or an Easter offset leaves out
        the public holidays in it (everything is closed then anyway); a fixed date such as
        Grundlovsdag is a closing day precisely because it is such a day."""
        return [day for day, reason in self.candidates(year) if reason is None]

    def candidates(self, year):
        """``(date, reason)`` for every date the rule names in ``year``: ``reason`` is
        ``None`` for a closing day, else why the date is left out (a weekend day of a
        fixed date or an Easter offset, a public holiday). The weekend days inside a
        period are no candidates: the rule names only its weekdays."""
        if self.kind == RuleKind.FIXED:
            day = _date_or_none(year, self.month, self.day)
            if day is None:
                return []
            return [(day, SKIP_WEEKEND if day.weekday() >= 5 else None)]
        if self.kind == RuleKind.EASTER:
            # Only in ``year``: a rule saved before ``clean`` kept the offset in the year
            # proposes nothing rather than a day in another year.
            day = easter(year) + timedelta(days=self.easter_offset)
            candidates = [day] if day.year == year else []
        else:
            candidates = [
                d
                for d in (
                    _date_or_none(year, self.month, n) for n in range(self.day, self.end_day + 1)
                )
                if d and d.weekday() < 5
            ]
        public_holidays = holidays.Denmark(years=year)
        return [
            (
                d,
                SKIP_HOLIDAY
                if d in public_holidays
                else SKIP_WEEKEND
                if d.weekday() >= 5
                else None,
            )
            for d in candidates
        ]


def _date_or_none(year, month, day):
    try:
        return date(year, month, day)
    except ValueError:
        return None


def propose_closing_days(rules, year, left_out=None):
    """Draft closing days for ``year`` from ``rules``; dates that have a closing day
    already are left alone. Returns the new drafts; each date left out is added to
    ``left_out`` (when given) as ``(date, rule name, reason)``."""
    candidates = [(rule, day, reason) for rule in rules for day, reason in rule.candidates(year)]
    # The days there are on the dates named, read once.
    named = {day for _rule, day, _reason in candidates}
    taken = set(ClosingDay.objects.filter(date__in=named).values_list("date", flat=True))
    proposed = []
    skipped = {}
    for rule, day, reason in candidates:
        if reason is None and day in taken:
            reason = SKIP_EXISTS
        if reason is None:
            taken.add(day)
            draft = _create_unless_taken(
                date=day,
                name=rule.name,
                alternative_care=rule.alternative_care,
                status=PublicationStatus.DRAFT,
            )
            if draft is not None:
                proposed.append(draft)
                continue
            reason = SKIP_EXISTS  # made by someone else meanwhile
        skipped.setdefault(day, (day, rule.name, reason))
    made = {day.date for day in proposed}
    if left_out is not None:
        left_out.extend(v for d, v in sorted(skipped.items()) if d not in made)
    return proposed


def _create_unless_taken(**fields):
    """A new closing day, or ``None`` when its date has one already (made since the dates
    were read): in a savepoint, so the rest of the proposal goes on."""
    try:
        with transaction.atomic():
            return ClosingDay.objects.create(**fields)
    except IntegrityError:
        if ClosingDay.objects.filter(date=fields["date"]).exists():
            return None
        raise
