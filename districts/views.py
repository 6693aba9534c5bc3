"""Public pages for districts and institutions. Each makes a fixed number of queries."""

from django.shortcuts import get_object_or_404, render

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
