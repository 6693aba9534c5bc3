"""Parent boards and house councils in the staff admin: a district leader keeps their
own district's board and house councils (``governance.rules``)."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core import permissions
from core.admin_base import (
    PortalModelAdmin,
    PortalTabularInline,
    SingleRowAdmin,
    StoredFileInput,
)
from core.admin_dates import QuestionedDatesAdmin
from districts.constants import DAYCARE_TYPES

from .models import Board, BoardMeeting, Bylaws, CouncilMember, GovernanceText, Membership


class MembershipInline(PortalTabularInline):
    """The board's members as a compact table, one line each."""

    model = Membership
    extra = 0
    fields = ["name", "role", "house", "is_secretary", "term_start", "term_end", "elected_at"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        house = formset.form.base_fields.get("house")
        if house is not None:
            # Exactly the units the board covers (Dagplejen on Hedegård's board, though
            # it lies outside the district): the board is the user's, so are its units.
            if obj is not None:
                house.queryset = obj.units()
            else:
                house.queryset = house.queryset.filter(
                    institution_type__in=(*DAYCARE_TYPES, "dagpleje")
                ).order_by("name")
            # Read once for all rows, from the narrowed queryset (the choices read before
            # were of every institution: the reason schools and clubs were offered).
            house.choices = list(house.iterator(house))
            house.error_messages["invalid_choice"] = _("Vælg et af bestyrelsens børnehuse.")
        return formset


@admin.register(Board)
class BoardAdmin(PortalModelAdmin):
    list_display = ["name", "district"]
    list_select_related = ["district"]
    inlines = [MembershipInline]
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    # Every district has its board (001; the district page links it): it goes with its
    # district, never alone.
    deleted_only_with = "district"

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not permissions.is_administrator(request.user):
            fields += ["name", "slug", "district", "extra_units"]
        return fields


@admin.register(BoardMeeting)
class BoardMeetingAdmin(QuestionedDatesAdmin, PortalModelAdmin):
    questioned_dates = ["date"]
    list_display = ["date", "board", "published"]
    list_filter = ["board", "published"]
    list_select_related = ["board"]


@admin.register(Bylaws)
class BylawsAdmin(PortalModelAdmin):
    list_display = ["title", "effective_date", "board_names"]
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    fields = ["title", "effective_date", "text", "signed_pdf", "boards"]
    readonly_fields = ["signed_pdf_file"]

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if obj is not None and not self.has_change_permission(request, obj):
            # Read-only: Django would link the file under MEDIA_URL, which is not served.
            fields = ["signed_pdf_file" if f == "signed_pdf" else f for f in fields]
        return fields

    @admin.display(description=_("underskrevet udgave (PDF)"))
    def signed_pdf_file(self, obj):
        if obj is None or not obj.pk or not obj.signed_pdf:
            return "–"
        return format_html('<a href="{}">{}</a>', obj.get_pdf_url(), obj.download_name)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if "signed_pdf" in form.base_fields:
            widget = StoredFileInput()
            widget.file_url = obj.get_pdf_url() if obj is not None else None
            form.base_fields["signed_pdf"].widget = widget
        return form

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("boards")

    @admin.display(description=_("bestyrelser"))
    def board_names(self, obj):
        return ", ".join(board.name for board in obj.boards.all())


@admin.register(CouncilMember)
class CouncilMemberAdmin(PortalModelAdmin):
    list_display = ["name", "role", "house", "term_start", "term_end"]
    list_filter = ["role", "house__districts"]
    list_select_related = ["house"]
    search_fields = ["name", "house__name"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "house" and formfield is not None:
            formfield.queryset = formfield.queryset.filter(institution_type__in=DAYCARE_TYPES)
        return formfield


@admin.register(GovernanceText)
class GovernanceTextAdmin(SingleRowAdmin):
    pass
