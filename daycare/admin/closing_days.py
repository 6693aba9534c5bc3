"""Closing days in the staff admin: administrators set the days (or have next year's
proposed from the rules); each district leader sets where alternative care is offered
in their own district."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_base import IdsChoiceField, PortalModelAdmin, VersionedModelForm
from core.admin_dates import QuestionedDatesAdmin
from daycare.constants import PublicationStatus
from daycare.models import AlternativeCare, ClosingDay, ClosingDayRule
from daycare.models.closing_days import propose_closing_days
from districts.constants import DAYCARE_TYPES


@admin.register(ClosingDay)
class ClosingDayAdmin(QuestionedDatesAdmin, PortalModelAdmin):
    questioned_dates = ["date"]
    list_display = ["date", "weekday", "name", "alternative_care", "signup_deadline", "status"]
    list_filter = ["status", "alternative_care", ("date", admin.DateFieldListFilter)]
    search_fields = ["name", "note"]
    date_hierarchy = "date"
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["date", "name", "status", "note"]}),
        (
            _("Alternativ pasning"),
            {"fields": ["alternative_care", "signup_deadline", "signup_text", "signup_url"]},
        ),
    ]

    change_list_template = "admin/daycare/closingday/change_list.html"

    @admin.display(description=_("ugedag"))
    def weekday(self, obj):
        return date_format(obj.date, "l")

    @admin.action(description=_("Offentliggør de valgte lukkedage"), permissions=["change"])
    def publish(self, request, queryset):
        count = 0
        for day in queryset.exclude(status=PublicationStatus.PUBLISHED):
            if day.publish():
                count += 1
            else:
                # The others in the batch are published all the same.
                self.message_user(request, day.publish_refusal(), messages.ERROR)
        self.message_user(
            request,
            ngettext(
                "%(count)d lukkedag er offentliggjort.",
                "%(count)d lukkedage er offentliggjort.",
                count,
            )
            % {"count": count},  # fmt: skip
            messages.SUCCESS if count else messages.WARNING,
        )

    @admin.action(description=_("Gør de valgte lukkedage til kladder igen"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = sum(day.unpublish() for day in queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d lukkedag er nu en kladde.", "%(count)d lukkedage er nu kladder.", count
            )
            % {"count": count},  # fmt: skip
            messages.SUCCESS,
        )

    def get_urls(self):
        propose = path(
            "foreslaa/",
            self.admin_site.admin_view(self.propose_view),
            name="daycare_closingday_propose",
        )
        return [propose, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "may_propose": self.has_add_permission(request)}
        return super().changelist_view(request, extra_context)

    def propose_view(self, request):
        """Draft closing days for a year from the rules: the administrator picks the year
        (this, next or the one after) and is told what was made and what was left out."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        # The sources give no closing days, so production starts without rules: the page
        # then says where to enter them rather than offering a form with nothing to tick.
        has_rules = ClosingDayRule.objects.exists()
        form = ProposeForm(request.POST or None, initial=ProposeForm.initial_for(request.GET))
        if has_rules and request.method == "POST" and form.is_valid():
            year = int(form.cleaned_data["year"])
            left_out = []
            with transaction.atomic():
                made = propose_closing_days(form.cleaned_data["rules"], year, left_out)
            self.tell_proposal(request, year, made, left_out)
            query = {"date__year": year}
            if made:
                query["status__exact"] = PublicationStatus.DRAFT
            changelist = reverse("admin:daycare_closingday_changelist")
            return redirect(f"{changelist}?{urlencode(query)}")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Foreslå lukkedage ud fra reglerne"),
            "opts": self.opts,
            "form": form,
            "has_rules": has_rules,
            "rules_url": reverse("admin:daycare_closingdayrule_changelist"),
            "may_add_rule": request.user.has_perm("daycare.add_closingdayrule"),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/daycare/closingday/propose.html", context)

    def tell_proposal(self, request, year, made, left_out):
        drafts = reverse("admin:daycare_closingday_changelist")
        query = {"date__year": year, "status__exact": PublicationStatus.DRAFT}
        link = f"{drafts}?{urlencode(query)}"
        if made:
            text = ngettext(
                "%(count)d lukkedag i %(year)d er lavet som kladde.",
                "%(count)d lukkedage i %(year)d er lavet som kladder.",
                len(made),
            ) % {"count": len(made), "year": year}  # fmt: skip
            self.message_user(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    text,
                    link,
                    ngettext(
                        "Se kladden, ret den til, og offentliggør den.",
                        "Se kladderne, ret dem til, og offentliggør dem.",
                        len(made),
                    ),
                ),
                messages.SUCCESS,
            )
        else:
            self.message_user(
                request,
                _("Der er ikke lavet nye lukkedage i %(year)d.") % {"year": year},
                messages.WARNING,
            )
        if left_out:
            items = format_html_join(
                "",
                "<li>{} {}: {}</li>",
                ((date_format(day, "j. F Y"), name, reason) for day, name, reason in left_out),
            )
            heading = ngettext(
                "%(count)d dato er udeladt:", "%(count)d datoer er udeladt:", len(left_out)
            ) % {"count": len(left_out)}  # fmt: skip
            self.message_user(request, format_html("{}<ul>{}</ul>", heading, items), messages.INFO)


class ProposeForm(forms.Form):
    year = forms.TypedChoiceField(
        label=_("År"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Vælg et år."),
            "invalid_choice": _("Vælg i år, næste år eller året efter."),
        },
    )
    rules = IdsChoiceField(
        label=_("Regler"),
        queryset=ClosingDayRule.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Vælg mindst én regel.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].choices = [(y, str(y)) for y in range(this_year, this_year + 3)]

    @staticmethod
    def initial_for(query):
        """Next year and every rule, or the rules picked on the rule list."""
        picked = [pk for pk in query.get("regler", "").split(",") if pk.isascii() and pk.isdigit()]
        rules = ClosingDayRule.objects.all()
        if picked:
            rules = rules.filter(pk__in=picked)
        return {"year": timezone.localdate().year + 1, "rules": list(rules)}


PROPOSE_FROM_RULES = _("Foreslå lukkedage ud fra de valgte regler")


@admin.register(ClosingDayRule)
class ClosingDayRuleAdmin(PortalModelAdmin):
    list_display = ["name", "kind", "month", "day", "end_day", "easter_offset",
                    "alternative_care", "order", "is_demo"]  # fmt: skip
    list_editable = []
    actions = ["propose"]

    def has_propose_permission(self, request, obj=None):
        # Asked per selected rule too (admin_base.guard_action): the rules are only read.
        return request.user.has_perm("daycare.add_closingday")

    @admin.action(permissions=["propose"], description=PROPOSE_FROM_RULES)
    def propose(self, request, queryset):
        """On to the proposal, where the year is chosen, with these rules ticked."""
        url = reverse("admin:daycare_closingday_propose")
        picked = ",".join(str(pk) for pk in queryset.values_list("pk", flat=True))
        return redirect(f"{url}?{urlencode({'regler': picked})}")


class AlternativeCareForm(VersionedModelForm):
    def clean(self):
        cleaned = super().clean()
        houses = cleaned.get("houses")
        district = cleaned.get("district")
        if houses is not None and district is not None:
            self.instance.district = district
            try:
                self.instance.validate_houses(houses.prefetch_related("districts"))
            except forms.ValidationError as error:
                self.add_error("houses", error)
        return cleaned


@admin.register(AlternativeCare)
class AlternativeCareAdmin(PortalModelAdmin):
    form = AlternativeCareForm
    list_display = ["closing_day", "district", "house_names"]
    list_filter = ["district"]
    list_select_related = ["closing_day", "district"]
    change_list_template = "admin/daycare/alternativecare/change_list.html"
    formfield_overrides = {
        AlternativeCare._meta.get_field("houses").__class__: {
            "widget": forms.CheckboxSelectMultiple
        }
    }

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("houses")

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "houses":
            formfield.queryset = formfield.queryset.filter(
                institution_type__in=DAYCARE_TYPES
            ).order_by("name")
        return formfield

    @admin.display(description=_("børnehuse"))
    def house_names(self, obj):
        return ", ".join(house.name for house in obj.houses.all())

    def get_urls(self):
        plan = path(
            "alle-dage/",
            self.admin_site.admin_view(self.plan_view),
            name="daycare_alternativecare_plan",
        )
        return [plan, *super().get_urls()]

    def plan_view(self, request):
        """Every coming closing day with alternative care in one district on one page:
        the places of each day are set and saved at once."""
        from .care_plan import alternative_care_plan

        return alternative_care_plan(self, request)
