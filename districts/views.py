"""Public pages for districts and institutions. Each makes a fixed number of queries."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from .constants import InstitutionType
from .models import District, Institution


def district_list(request):
    districts = District.objects.with_leaders().with_institution_count().order_by("name")
    return render(request, "districts/district_list.html", {"districts": districts})


def group_by_type(institutions):
    """``[(plural label, [institutions])]`` in the order of ``InstitutionType``."""
    labels = InstitutionType.plural_labels()
    groups = {t: [] for t in InstitutionType}
    for institution in institutions:
        groups[InstitutionType(institution.institution_type)].append(institution)
    return [(labels[t], items) for t, items in groups.items() if items]


def district_detail(request, slug):
    district = get_object_or_404(District.objects.with_leaders(), slug=slug)
    institutions = Institution.objects.in_district(district).for_listing().order_by("name")
    return render(
        request,
        "districts/district_detail.html",
        {"district": district, "groups": group_by_type(institutions)},
    )


def institution_detail(request, slug):
    institution = get_object_or_404(Institution.objects.for_listing().with_leaders(), slug=slug)
    return render(request, "districts/institution_detail.html", {"institution": institution})


# The type filter of the A–Å list: what a parent looks for, in their words.
TYPE_FILTERS = {
    "dagtilbud": (
        _("Børnehuse og distriktsinstitutioner"),
        (InstitutionType.DAYCARE_HOUSE, InstitutionType.DISTRICT_INSTITUTION),
    ),
    "dagpleje": (_("Dagpleje"), (InstitutionType.FAMILY_DAYCARE,)),
    "skoler": (
        _("Skoler"),
        (InstitutionType.SCHOOL, InstitutionType.SPECIAL_SCHOOL, InstitutionType.AFTER_SCHOOL),
    ),
    "klubber": (_("Klubber"), (InstitutionType.CLUB,)),
}

# Danish alphabetical order: æ, ø and å come after z.
_DANISH_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


def danish_sort_key(name):
    return name.lower().translate(_DANISH_ORDER)


def institution_list(request):
    chosen = request.GET.get("type", "")
    institutions = Institution.objects.for_listing()
    if chosen in TYPE_FILTERS:
        institutions = institutions.filter(institution_type__in=TYPE_FILTERS[chosen][1])
    else:
        chosen = ""
    institutions = sorted(institutions, key=lambda i: danish_sort_key(i.name))
    letters = {}
    for institution in institutions:
        letters.setdefault(institution.name[:1].upper(), []).append(institution)
    context = {
        "letters": sorted(letters.items(), key=lambda item: danish_sort_key(item[0])),
        "filters": [(key, label) for key, (label, _types) in TYPE_FILTERS.items()],
        "chosen": chosen,
        "count": len(institutions),
    }
    return render(request, "districts/institution_list.html", context)
