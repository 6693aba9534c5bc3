"""Alternative care for every coming closing day of one district, on one page.

A district leader sees their own district (the district is fixed); an administrator
chooses it. Each day with alternative care that has not passed is one row: the houses
where care is offered and a note. One save sets them all; a row left without houses has
no place (and is marked so). Who may do what follows the alternative-care scope in
``daycare/rules.py``: the same rule as the one-day form.
"""

import hashlib

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core import permissions
from core.admin_base import IdsChoiceField
from core.bidi import bidi_control_validator
from daycare.models import AlternativeCare, ClosingDay
from districts.constants import DAYCARE_TYPES
from districts.models import District, Institution
from districts.rules import led_district_ids


class DayCareForm(forms.Form):
    houses = IdsChoiceField(
        label=gettext_lazy("Børnehuse med alternativ pasning"),
        queryset=Institution.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Vælg kun børnehuse i distriktet.")},
    )
    note = forms.CharField(
        label=gettext_lazy("Bemærkning"),
        max_length=300,
        required=False,
        # Shown on the page, in the feeds and the mails (``core.bidi``), as the one-day
        # form's note (``PortalModelAdmin``).
        validators=[bidi_control_validator],
        help_text=gettext_lazy("Fx »Kun for børn fra Grantoftens to huse«. Vises ved dagen."),
    )

    def __init__(self, *args, day, care, houses, **kwargs):
        initial = {}
        if care is not None:
            initial = {"houses": [h.pk for h in care.houses.all()], "note": care.note}
        super().__init__(*args, initial=initial, prefix=f"dag-{day.pk}", **kwargs)
        self.day, self.care = day, care
        self.fields["houses"].queryset = houses

    @property
    def lacks_place(self):
        return not self["houses"].value()


def allowed_districts(user):
    districts = District.objects.order_by("name")
    if permissions.is_administrator(user):
        return districts
    return districts.filter(pk__in=led_district_ids(user))


def plan_version(district, days):
    """A fingerprint of the district's places on these days, as in the database."""
    rows = (
        AlternativeCare.objects.filter(district=district, closing_day__in=days)
        .order_by("pk")
        .values_list("pk", "closing_day_id", "note", "houses")
    )
    return hashlib.sha256(repr(list(rows)).encode()).hexdigest()[:32]


def alternative_care_plan(model_admin, request):
    user = request.user
    if not model_admin.has_change_permission(request):
        raise PermissionDenied
    districts = list(allowed_districts(user))
    if not districts:
        raise PermissionDenied
    slug = request.GET.get("distrikt")
    if slug is None:
        district = districts[0]
    else:
        district = next((d for d in districts if d.slug == slug), None)
        if district is None:
            # Another district's page (or none at all): the user may not plan it.
            raise PermissionDenied
    days = list(ClosingDay.objects.upcoming().filter(alternative_care=True).order_by("date"))
    cares = {
        care.closing_day_id: care
        for care in AlternativeCare.objects.filter(
            district=district, closing_day__in=days
        ).prefetch_related("houses")
    }
    houses = Institution.objects.filter(
        districts=district, institution_type__in=DAYCARE_TYPES
    ).order_by("name")
    data = request.POST if request.method == "POST" else None
    rows = [DayCareForm(data, day=day, care=cares.get(day.pk), houses=houses) for day in days]
    version = plan_version(district, days)
    error = None
    if data is not None:
        if data.get("version") != version:
            error = _(
                "Alternativ pasning i %(district)s er blevet ændret af en anden, siden du "
                "åbnede siden. Genindlæs siden og indtast dine ændringer igen."
            ) % {"district": district.name}
        elif all(row.is_valid() for row in rows):
            changed = save_plan(model_admin, request, district, rows)
            model_admin.message_user(
                request,
                ngettext(
                    "Alternativ pasning i %(district)s er gemt (%(count)d dag ændret).",
                    "Alternativ pasning i %(district)s er gemt (%(count)d dage ændret).",
                    changed,
                )
                % {"district": district.name, "count": changed},
                messages.SUCCESS,
            )
            url = reverse("admin:daycare_alternativecare_plan")
            return redirect(f"{url}?{urlencode({'distrikt': district.slug})}")
        else:
            error = _("Ret fejlene nedenfor. Intet er gemt.")
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Alternativ pasning på de kommende lukkedage"),
        "opts": model_admin.opts,
        "district": district,
        "districts": districts if len(districts) > 1 else [],
        "rows": rows,
        "version": version,
        "error": error,
        "lacking": sum(row.lacks_place for row in rows) if data is None else None,
        "has_houses": houses.exists(),
    }
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(request, "admin/daycare/alternativecare/plan.html", context)


def save_plan(model_admin, request, district, rows):
    """Set each changed day's places; returns how many days changed. Each object is
    checked against the user's rules before it is written."""
    changed = 0
    with transaction.atomic():
        for row in rows:
            if not row.has_changed():
                continue
            houses, note = row.cleaned_data["houses"], row.cleaned_data["note"]
            care = row.care
            if not houses:
                if care is not None:
                    if not model_admin.has_delete_permission(request, care):
                        raise PermissionDenied
                    care.delete()
                    changed += 1
                continue
            if care is None:
                care = AlternativeCare(closing_day=row.day, district=district)
                if not model_admin.has_add_permission(request):
                    raise PermissionDenied
            elif not model_admin.has_change_permission(request, care):
                raise PermissionDenied
            care.note = note
            care.full_clean()
            care.save()
            if not permissions.in_scope(request.user, care):
                raise PermissionDenied
            care.houses.set(houses)
            changed += 1
    return changed
