"""Public pages for districts and institutions. Each makes a fixed number of queries."""

from typing import NamedTuple

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from caching.kept import kept
from caching.keys import query_parameters
from core import danish
from core.links import link_maker
from pages import site_settings

from .constants import InstitutionType, RoleType
from .contact import contact_help
from .models import District, Institution, Role


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


def _district(slug):
    return get_object_or_404(District.objects.with_leaders().with_last_changed(), slug=slug)


def district_detail(request, slug):
    # The district, its leader and "Sidst opdateret" change only with a staff save: kept
    # in the process per content version (caching.kept.kept); an unknown slug is a 404
    # every time.
    district = kept(f"district:{slug}", lambda: _district(slug), request=request)

    # Only what the list shows: a model instance per house costs less with fewer fields.
    institutions = (
        Institution.objects.in_district(district)
        .only("name", "slug", "institution_type")
        .prefetch_related(Prefetch("districts", queryset=District.objects.only("name", "slug")))
        .order_by("name")
    )
    return render(
        request,
        "districts/district_detail.html",
        {"district": district, "groups": group_by_type(institutions)},
    )


def institution_detail(request, slug):
    institution = get_object_or_404(
        Institution.objects.for_listing().select_related("part_of").with_last_changed(),
        slug=slug,
    )
    # The house's pedagogical leaders and its districts' leaders, in one query.
    roles = Role.objects.filter(
        Q(institution=institution, role_type=RoleType.PEDAGOGICAL_LEADER)
        | Q(district__institutions=institution, role_type=RoleType.DISTRICT_LEADER)
    ).select_related("person")
    leaders, district_leaders = [], []
    for role in roles:
        (leaders if role.institution_id else district_leaders).append(role.person)
    houses = []
    if institution.institution_type == InstitutionType.DISTRICT_INSTITUTION:
        houses = list(institution.houses.order_by("name"))
    context = {
        "institution": institution,
        "leaders": leaders if institution.has_pedagogical_leaders else [],
        "houses": houses,
        "help": contact_help(
            institution,
            leaders,
            district_leaders,
            institution.districts.all(),
            site_settings.lazy(),
        ),
    }
    return render(request, "districts/institution_detail.html", context)


class InstitutionRow(NamedTuple):
    """One line of the A–Å list."""

    name: str
    url: str
    type_label: str
    districts: str


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


@query_parameters("type")
def institution_list(request):
    chosen = request.GET.get("type", "")
    institutions = Institution.objects.all()
    if chosen in TYPE_FILTERS:
        institutions = institutions.filter(institution_type__in=TYPE_FILTERS[chosen][1])
    else:
        chosen = ""
    # A row per institution, not a model instance with a many-to-many manager each: at
    # ten times the data the list has a thousand rows, and every microsecond per row
    # counts. The districts' names come from one query on the link table.
    names = {}
    links = Institution.districts.through.objects.filter(institution__in=institutions)
    for institution_id, district in links.values_list("institution_id", "district__name").order_by(
        "district__name"
    ):
        names.setdefault(institution_id, []).append(district)
    link = link_maker("districts:institution_detail")
    label = dict(InstitutionType.choices)
    rows = sorted(
        (
            InstitutionRow(name, link(slug), label.get(kind, kind), ", ".join(names.get(pk, ())))
            for pk, name, slug, kind in institutions.values_list(
                "pk", "name", "slug", "institution_type"
            )
        ),
        key=lambda row: danish.sort_key(row.name),
    )
    letters = {}
    for row in rows:
        letters.setdefault(row.name[:1].upper(), []).append(row)
    context = {
        "letters": sorted(letters.items(), key=lambda item: danish.sort_key(item[0])),
        "filters": [(key, label) for key, (label, _types) in TYPE_FILTERS.items()],
        "chosen": chosen,
        "count": len(rows),
    }
    return render(request, "districts/institution_list.html", context)
