"""Public pages for districts and institutions. Each makes a fixed number of queries."""

from typing import NamedTuple

from django.db.models import Q
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


class HouseRow(NamedTuple):
    """One line of a district's list: the institution and the other districts it is in."""

    name: str
    url: str
    other_districts: list


def district_groups(district):
    """``[(plural label, [HouseRow])]`` in the order of ``InstitutionType``: two queries,
    light rows (no model instance or many-to-many manager per institution)."""
    institutions = Institution.objects.in_district(district)
    others = {}
    links = Institution.districts.through.objects.filter(institution__in=institutions)
    for institution_id, name in (
        links.exclude(district=district)
        .values_list("institution_id", "district__name")
        .order_by("district__name")
    ):
        others.setdefault(institution_id, []).append(name)
    link = link_maker("districts:institution_detail")
    groups = {kind: [] for kind in InstitutionType}
    for pk, name, slug, kind in institutions.values_list(
        "pk", "name", "slug", "institution_type"
    ).order_by("name"):
        groups[InstitutionType(kind)].append(HouseRow(name, link(slug), others.get(pk, [])))
    labels = InstitutionType.plural_labels()
    return [(labels[kind], rows) for kind, rows in groups.items() if rows]


def _district(slug):
    return get_object_or_404(District.objects.with_leaders().with_last_changed(), slug=slug)


def district_detail(request, slug):
    # The district, its leader and "Sidst opdateret" change only with a staff save: kept
    # in the process per content version (caching.kept.kept); an unknown slug is a 404
    # every time.
    district = kept(f"district:{slug}", lambda: _district(slug), request=request)

    return render(
        request,
        "districts/district_detail.html",
        {"district": district, "groups": district_groups(district)},
    )


def institution_detail(request, slug):
    institution = get_object_or_404(
        Institution.objects.select_related("part_of").with_last_changed(), slug=slug
    )
    # Its districts by a plain query, handed to the boxes that need them: for one
    # institution the prefetch's machinery costs more than the query.
    districts = list(District.objects.filter(institutions=institution))
    # The house's pedagogical leaders and its districts' leaders, in one query.
    roles = Role.objects.filter(
        Q(institution_id=institution.pk, role_type=RoleType.PEDAGOGICAL_LEADER)
        | Q(district_id__in=[d.pk for d in districts], role_type=RoleType.DISTRICT_LEADER)
    ).select_related("person")
    leaders, district_leaders = [], []
    for role in roles:
        (leaders if role.institution_id else district_leaders).append(role.person)
    houses = []
    if institution.institution_type == InstitutionType.DISTRICT_INSTITUTION:
        houses = list(institution.houses.order_by("name"))
    context = {
        "institution": institution,
        "districts": districts,
        "only_district": districts[0] if len(districts) == 1 else None,
        "leaders": leaders if institution.has_pedagogical_leaders else [],
        "houses": houses,
        "help": contact_help(
            institution, leaders, district_leaders, districts, site_settings.lazy()
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
        letters.setdefault(danish.initial(row.name), []).append(row)
    context = {
        "letters": sorted(letters.items(), key=lambda item: danish.sort_key(item[0])),
        "filters": [(key, label) for key, (label, _types) in TYPE_FILTERS.items()],
        "chosen": chosen,
        "count": len(rows),
    }
    return render(request, "districts/institution_list.html", context)
