"""The daycare section's texts in the staff admin: about, partners with their
professions, the vision and the strategy. Administrators only (``daycare.rules``); every
change is kept in the history with who and when.

A document's sections are edited on the document (heading, level, text, order); a
section's bullets on the section, which the document's page links to.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin_base import PortalInline, PortalModelAdmin, SingleRowAdmin

from .. import rules  # noqa: F401 - registers the scopes
from ..models import Bullet, DaycareAbout, Document, Partner, Profession, Section


@admin.register(DaycareAbout)
class DaycareAboutAdmin(SingleRowAdmin):
    fieldsets = [
        (None, {"fields": ["intro", "frame"]}),
        (
            _("Kommunens egne tal"),
            {
                "fields": ["stated_houses", "stated_day_carers"],
                "description": _(
                    "Siden om dagtilbud viser tallene ved siden af det antal børnehuse og "
                    "dagplejere, portalen har registreret."
                ),
            },
        ),
        (None, {"fields": ["organisation", "partners_intro"]}),
    ]


class ProfessionInline(PortalInline):
    model = Profession
    extra = 0
    fields = ["name", "position"]


@admin.register(Partner)
class PartnerAdmin(PortalModelAdmin):
    list_display = ["name", "position"]
    inlines = [ProfessionInline]
    fieldsets = [
        (None, {"fields": ["name", "description", "shows_district_schools", "position"]}),
        (_("Kontakt (valgfri)"), {"fields": ["contact_name", "phone", "email", "website"]}),
    ]


class SectionInline(PortalInline):
    model = Section
    extra = 0
    fields = ["position", "level", "heading", "text", "text_after"]
    show_change_link = True
    verbose_name_plural = _("afsnit (punkterne redigeres under »Ret« ved hvert afsnit)")


@admin.register(Document)
class DocumentAdmin(PortalModelAdmin):
    list_display = ["title", "key"]
    fields = ["key", "title", "subtitle", "intro", "link_url"]
    inlines = [SectionInline]

    def get_readonly_fields(self, request, obj=None):
        # Which text a row is (the vision or the strategy) is fixed once it exists.
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "key"] if obj else fields


class BulletInline(PortalInline):
    model = Bullet
    extra = 1
    fields = ["text", "position"]


@admin.register(Section)
class SectionAdmin(PortalModelAdmin):
    list_display = ["__str__", "document", "position", "level"]
    list_filter = ["document"]
    list_select_related = ["document"]
    fields = ["document", "position", "level", "heading", "text", "text_after"]
    inlines = [BulletInline]
