"""The daycare section's own texts (001): about, organisation, partners, and the vision
"Dagtilbud med mening" with the children and youth strategy it rests on.

All of it is data administrators edit in the admin, with history. Texts are plain text or
Markdown, rendered by ``core.text`` (sanitised). The vision and the strategy
are stored as structure, not as one blob: a document has sections, in order, each with a
heading at one of two levels, text before and after, and bullets, in order. The seed
(``fixtures/daycare.json``) holds them word for word as the source gives them.
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .fields import MarkdownHTMLField

MARKDOWN = _("Du kan skrive **fed** og lave punkter med -.")


class DaycareAbout(models.Model):
    """The section's texts and the municipality's stated figures; one row."""

    intro = models.TextField(
        _("indledning"),
        help_text=_(
            "Vises øverst på siden om dagtilbud. Du kan skrive **fed** og lave punkter med -."
        ),
    )
    stated_houses = models.PositiveSmallIntegerField(
        _("antal børnehuse ifølge kommunen"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(999)],
        help_text=_("Kommunens eget tal. Siden viser det ved siden af det antal, portalen har."),
    )
    stated_day_carers = models.PositiveSmallIntegerField(
        _("antal dagplejere ifølge kommunen"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(999)],
    )
    frame = models.TextField(
        _("den fælles ramme"),
        blank=True,
        help_text=_("Vises over indgangene til lukkedage, tilsyn, bestyrelser osv."),
    )
    organisation = models.TextField(
        _("vores organisering"),
        help_text=_("Hvordan ledelsen er organiseret. Vises på siden om organiseringen."),
    )
    partners_intro = models.TextField(
        _("indledning til samarbejdspartnere"),
        blank=True,
    )
    # The texts as the pages show them (``MarkdownHTMLField``), made by every save.
    intro_html = MarkdownHTMLField(source="intro")
    frame_html = MarkdownHTMLField(source="frame")
    organisation_html = MarkdownHTMLField(source="organisation")
    partners_intro_html = MarkdownHTMLField(source="partners_intro")

    history = HistoricalRecords(
        excluded_fields=["intro_html", "frame_html", "organisation_html", "partners_intro_html"]
    )

    class Meta:
        verbose_name = _("tekster om dagtilbud")
        verbose_name_plural = _("tekster om dagtilbud")

    def __str__(self):
        return str(_("Tekster om dagtilbud"))

    def get_absolute_url(self):
        return reverse("daycare:about")


class Partner(models.Model):
    """A partner the daycare works with (001): Sundhedsplejen, PPR, the district school."""

    name = models.CharField(_("navn"), max_length=150)
    description = models.TextField(_("beskrivelse"), help_text=MARKDOWN)
    shows_district_schools = models.BooleanField(
        _("vis hvert distrikts skole"),
        default=False,
        help_text=_(
            "Til den lokale distriktsskole og BFO: siden nævner hvert distrikts egne skoler "
            "fra portalens data."
        ),
    )
    contact_name = models.CharField(_("kontakt"), max_length=150, blank=True)
    phone = models.CharField(_("telefon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("hjemmeside"), blank=True)
    position = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    description_html = MarkdownHTMLField(source="description")

    history = HistoricalRecords(excluded_fields=["description_html"])

    class Meta:
        verbose_name = _("samarbejdspartner")
        verbose_name_plural = _("samarbejdspartnere")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("daycare:partners") + f"#partner-{self.pk}"

    @property
    def has_contact(self):
        return bool(self.contact_name or self.phone or self.email or self.website)


class Profession(models.Model):
    """A profession a partner brings (PPR's pedagogical advisers, psychologists …)."""

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="professions", verbose_name=_("partner")
    )
    name = models.CharField(_("faggruppe"), max_length=150)
    position = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("faggruppe")
        verbose_name_plural = _("faggrupper")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.name


class Document(models.Model):
    """A structured text: the vision, or the children and youth strategy."""

    class Key(models.TextChoices):
        VISION = "vision", _("Visionen for dagtilbud")
        STRATEGY = "strategi", _("Børne- og ungestrategien")

    key = models.CharField(_("tekst"), max_length=20, choices=Key.choices, unique=True)
    title = models.CharField(_("overskrift"), max_length=200)
    subtitle = models.CharField(_("undertitel"), max_length=200, blank=True)
    intro = models.TextField(_("indledning"), blank=True, help_text=MARKDOWN)
    link_url = models.URLField(
        _("link til hele teksten"),
        blank=True,
        help_text=_("Fx strategien på kommunens hjemmeside. Tomt, hvis der ikke er et link."),
    )
    intro_html = MarkdownHTMLField(source="intro")

    history = HistoricalRecords(excluded_fields=["intro_html"])

    class Meta:
        verbose_name = _("vision eller strategi")
        verbose_name_plural = _("vision og strategi")
        ordering = ["key"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        anchor = "" if self.key == self.Key.VISION else "#strategi"
        return reverse("daycare:vision") + anchor


class Section(models.Model):
    """One section of a document: a heading (or none), text, bullets, text after."""

    class Level(models.IntegerChoices):
        SECTION = 2, _("Afsnit")
        SUBSECTION = 3, _("Underafsnit")
        SUBSUBSECTION = 4, _("Afsnit under et underafsnit")

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="sections", verbose_name=_("tekst")
    )
    position = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    level = models.PositiveSmallIntegerField(
        _("niveau"),
        choices=Level.choices,
        default=Level.SECTION,
        help_text=_("Strategiens afsnit ligger under dens egen overskrift: brug underafsnit."),
    )
    heading = models.CharField(_("overskrift"), max_length=200, blank=True)
    text = models.TextField(_("tekst"), blank=True, help_text=MARKDOWN)
    text_after = models.TextField(_("tekst efter punkterne"), blank=True, help_text=MARKDOWN)
    text_html = MarkdownHTMLField(source="text", top_level=4)
    text_after_html = MarkdownHTMLField(source="text_after", top_level=4)

    history = HistoricalRecords(excluded_fields=["text_html", "text_after_html"])

    class Meta:
        verbose_name = _("afsnit")
        verbose_name_plural = _("afsnit")
        ordering = ["document", "position", "pk"]

    def __str__(self):
        return self.heading or str(_("Afsnit uden overskrift"))

    def get_absolute_url(self):
        return self.document.get_absolute_url()


class Bullet(models.Model):
    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="bullets", verbose_name=_("afsnit")
    )
    position = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    text = models.CharField(_("punkt"), max_length=500)
    text_html = MarkdownHTMLField(source="text", inline=True)

    history = HistoricalRecords(excluded_fields=["text_html"])

    class Meta:
        verbose_name = _("punkt")
        verbose_name_plural = _("punkter")
        ordering = ["section", "position", "pk"]

    def __str__(self):
        return self.text
