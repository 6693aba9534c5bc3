"""The portal's own settings row (``SiteSettings``), and audit history for staff accounts
and groups, which Django's auth app defines.

Who may do what is decided by group membership, so a change of an account or a group
is recorded like any other staff change. Password hashes are never copied into the
history, and a login, which only moves ``last_login``, adds no version.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, update_last_login
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history import register
from simple_history.models import HistoricalRecords

from .validators import phone_validator

User = get_user_model()

register(
    User,
    app="ballerup_portal",
    excluded_fields=["password", "last_login"],
    m2m_fields=[User.groups.field],
)
register(Group, app="ballerup_portal", m2m_fields=[Group.permissions.field])


def update_last_login_without_history(sender, user, **kwargs):
    """Django's own last-login stamp, saved without a history version (PortalConfig.ready
    puts it in place of Django's receiver)."""
    user.skip_history_when_saving = True
    try:
        update_last_login(sender, user, **kwargs)
    finally:
        del user.skip_history_when_saving


def _static_file(path):
    """A logo must be one of the portal's own static files: the CSP allows images from
    the portal only, and a missing file would break every page in production. A path that
    leaves the static folders (``../settings/base.py``) is refused before it is looked up:
    the finders would raise, and the form would answer a bare 400."""
    parts = path.replace("\\", "/").split("/")
    if path.startswith("/") or any(part in ("", ".", "..") for part in parts) or ":" in path:
        raise ValidationError(
            _(
                "Skriv stien til en fil blandt portalens statiske filer, fx "
                "img/ballerup-logo.svg, uden »..«, »\\« eller en skråstreg forrest."
            ),
            code="invalid_static_path",
        )
    if not path.lower().endswith((".svg", ".png")):
        raise ValidationError(
            _("Logoet skal være en SVG- eller PNG-fil."), code="invalid_static_type"
        )
    try:
        found = finders.find(path)
    except SuspiciousFileOperation:
        found = None
    if not found:
        raise ValidationError(
            _("Filen »%(path)s« findes ikke blandt portalens statiske filer."),
            params={"path": path},
            code="missing_static_file",
        )


class SiteSettings(models.Model):
    """The municipality's contact details and the accessibility statement's facts: one row,
    kept by administrators. Every field starts empty: the sources give no phone number or
    e-mail address, and the portal invents none (``ballerup_portal.site_settings`` reads it
    for every page)."""

    phone = models.CharField(
        _("telefon"),
        max_length=20,
        blank=True,
        validators=[phone_validator],
        help_text=_("Kommunens telefonnummer, som det skal stå på siderne."),
    )
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_("Adressen, borgere kan skrive til om portalen og tilgængelighed."),
    )
    postal_address = models.TextField(
        _("postadresse"), blank=True, help_text=_("Valgfri. Én linje pr. linje i adressen.")
    )
    contact_page = models.URLField(
        _("kontaktside"),
        blank=True,
        help_text=_("Valgfri. Kommunens kontaktformular eller kontaktside på nettet."),
    )
    logo = models.CharField(
        _("logo"),
        max_length=200,
        blank=True,
        validators=[_static_file],
        help_text=_(
            "Valgfri. Stien til kommunens logo (SVG) blandt portalens statiske filer, "
            "fx img/ballerup-logo.svg. Tom: sidehovedet viser kun kommunens navn."
        ),
    )
    statement_prepared = models.DateField(
        _("tilgængelighedserklæringen udarbejdet"), null=True, blank=True
    )
    statement_reviewed = models.DateField(
        _("tilgængelighedserklæringen senest gennemgået"),
        null=True,
        blank=True,
        help_text=_("Erklæringen gennemgås mindst én gang om året."),
    )
    compliance_status = models.TextField(
        _("overholdelsesstatus"),
        blank=True,
        help_text=_(
            "Hvor godt portalen lever op til kravene, i et sprog forældre forstår "
            "(ingen navne på testværktøjer)."
        ),
    )
    known_problems = models.TextField(
        _("kendte problemer"),
        blank=True,
        help_text=_("Indhold, der ikke er tilgængeligt, og hvorfor. Én linje pr. problem."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("portalens oplysninger")
        verbose_name_plural = _("portalens oplysninger")
        constraints = [
            models.CheckConstraint(
                condition=Q(statement_reviewed__isnull=True)
                | Q(statement_prepared__isnull=True)
                | Q(statement_reviewed__gte=F("statement_prepared")),
                name="site_settings_reviewed_after_prepared",
                violation_error_message=_(
                    "Erklæringen kan ikke være gennemgået, før den blev udarbejdet."
                ),
            )
        ]

    def __str__(self):
        return str(_("Kontaktoplysninger og tilgængelighedserklæring"))

    def clean(self):
        super().clean()
        prepared, reviewed = self.statement_prepared, self.statement_reviewed
        if prepared and reviewed and reviewed < prepared:
            raise ValidationError(
                {
                    "statement_reviewed": _(
                        "Erklæringen kan ikke være gennemgået, før den blev udarbejdet."
                    )
                }
            )

    @property
    def has_contact(self):
        return bool(self.phone or self.email or self.contact_page)
