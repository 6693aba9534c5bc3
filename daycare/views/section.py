"""The daycare section's own pages (001): about, organisation, partners, vision.

Each makes a fixed number of queries whatever the number of districts, houses, people
or paragraphs.
"""

from django.db.models import Count, Prefetch, Q, Sum
from django.shortcuts import render

from districts.constants import DAYCARE_TYPES, InstitutionType, RoleType
from districts.models import District, Institution, Role

from ..models import DaycareAbout, Document, Partner, Section

# A district's school and its BFO: the partner "Den lokale distriktsskole og BFO".
SCHOOL_TYPES = (InstitutionType.SCHOOL, InstitutionType.AFTER_SCHOOL)


def about(request):
    figures = Institution.objects.aggregate(
        houses=Count("pk", filter=Q(institution_type=InstitutionType.DAYCARE_HOUSE)),
        houses_in_district_institutions=Count(
            "pk",
            filter=Q(institution_type=InstitutionType.DAYCARE_HOUSE, part_of__isnull=False),
        ),
        district_institutions=Count(
            "pk", filter=Q(institution_type=InstitutionType.DISTRICT_INSTITUTION)
        ),
        day_carers=Sum(
            "family_day_carers", filter=Q(institution_type=InstitutionType.FAMILY_DAYCARE)
        ),
        districts=Count("districts", distinct=True),
    )
    context = {
        "about": DaycareAbout.objects.first(),
        "figures": figures,
        # The next closing day, each district's place for alternative care and each
        # district's calendar (issue 23.2): the parent's own district is one of them.
        "districts": list(District.objects.order_by("name")),
    }
    return render(request, "daycare/about.html", context)


def organisation(request):
    # The units led by pedagogical leaders: the houses and the district institutions.
    units = Institution.objects.filter(institution_type__in=DAYCARE_TYPES).order_by("name")
    districts = District.objects.prefetch_related(
        Prefetch("institutions", queryset=units, to_attr="daycare_units")
    ).order_by("name")
    # Every leader in one query, sorted onto their district or house below.
    leaders = (
        Role.objects.filter(role_type__in=(RoleType.DISTRICT_LEADER, RoleType.PEDAGOGICAL_LEADER))
        .select_related("person")
        .order_by("person__name", "pk")
    )
    district_leaders, unit_leaders = {}, {}
    for role in leaders:
        if role.role_type == RoleType.DISTRICT_LEADER and role.district_id:
            district_leaders.setdefault(role.district_id, []).append(role.person)
        elif role.institution_id:
            unit_leaders.setdefault(role.institution_id, []).append(role.person)
    rows = [
        {
            "district": district,
            "leaders": district_leaders.get(district.pk, []),
            "units": [
                {"unit": unit, "leaders": unit_leaders.get(unit.pk, [])}
                for unit in district.daycare_units
            ],
        }
        for district in districts
    ]
    context = {"about": DaycareAbout.objects.first(), "districts": rows}
    return render(request, "daycare/organisation.html", context)


def partners(request):
    partners = Partner.objects.prefetch_related("professions")
    schools = None
    if any(partner.shows_district_schools for partner in partners):
        schools = District.objects.prefetch_related(
            Prefetch(
                "institutions",
                queryset=Institution.objects.filter(institution_type__in=SCHOOL_TYPES).order_by(
                    "name"
                ),
                to_attr="schools",
            )
        ).order_by("name")
    context = {
        "about": DaycareAbout.objects.first(),
        "partners": partners,
        "district_schools": schools,
    }
    return render(request, "daycare/partners.html", context)


def vision(request):
    documents = {
        document.key: document
        for document in Document.objects.prefetch_related(
            Prefetch("sections", queryset=Section.objects.prefetch_related("bullets"))
        )
    }
    context = {
        "vision": documents.get(Document.Key.VISION),
        "strategy": documents.get(Document.Key.STRATEGY),
    }
    return render(request, "daycare/vision.html", context)
