"""The daycare section's own pages (001): about, organisation, partners, vision.

Each makes a fixed number of queries whatever the number of districts, houses, people
or paragraphs.
"""

from django.db.models import Count, FilteredRelation, Q, Sum
from django.shortcuts import render
from django.utils.safestring import SafeString

from core.rows import PersonText, link_maker
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
        "about": DaycareAbout.objects.values(
            "intro_html", "frame_html", "stated_houses", "stated_day_carers"
        ).first(),
        "figures": figures,
        # The next closing day, each district's place for alternative care and each
        # district's calendar (issue 23.2): the parent's own district is one of them.
        "districts": list(District.objects.order_by("name")),
    }
    return render(request, "daycare/about.html", context)


def organisation(request):
    """Each district with its leaders and its daycare units with theirs: values in four
    queries, the people's markup and the addresses made once in Python."""
    # Each district with the units led by pedagogical leaders (the houses and the district
    # institutions), a row per unit (a unit in two districts is in both), A–Å.
    rows = (
        District.objects.annotate(
            unit=FilteredRelation(
                "institutions", condition=Q(institutions__institution_type__in=DAYCARE_TYPES)
            )
        )
        .order_by("name", "unit__name")
        .values_list("pk", "name", "slug", "unit__pk", "unit__name", "unit__slug")
    )
    # Every leader in one query, sorted onto their district or house below.
    leaders = (
        Role.objects.filter(role_type__in=(RoleType.DISTRICT_LEADER, RoleType.PEDAGOGICAL_LEADER))
        .order_by("person__name", "pk")
        .values_list(
            "role_type",
            "district_id",
            "institution_id",
            "person__name",
            "person__email",
            "person__phone",
            "person__is_demo",
        )  # fmt: skip
    )
    person = PersonText()
    district_leaders, unit_leaders = {}, {}
    for role_type, district_id, institution_id, *who in leaders:
        if role_type == RoleType.DISTRICT_LEADER and district_id:
            district_leaders.setdefault(district_id, []).append(person(*who))
        elif institution_id:
            unit_leaders.setdefault(institution_id, []).append(person(*who))
    unit_address = link_maker("districts:institution_detail", "slug")
    district_address = link_maker("districts:district_detail", "slug")
    districts = {}
    for pk, name, slug, unit_pk, unit_name, unit_slug in rows:
        district = districts.get(pk)
        if district is None:
            people = district_leaders.get(pk, [])
            district = districts[pk] = {
                "district": {"pk": pk, "name": name, "url": district_address(slug)},
                "leaders": people,
                "leaders_html": SafeString("<br>".join(people)),
                "units": [],
            }
        if unit_pk is not None:
            people = unit_leaders.get(unit_pk, [])
            district["units"].append(
                {
                    "name": unit_name,
                    "url": unit_address(unit_slug),
                    "leaders": people,
                    "leaders_html": SafeString("<br>".join(people)),
                }  # fmt: skip
            )
    about = DaycareAbout.objects.values("organisation_html").first()
    context = {"about": about, "districts": list(districts.values())}
    return render(request, "daycare/organisation.html", context)


def partners(request):
    """The partners with their professions (one query of values), and, when one of them
    shows the district schools, each district with its schools and BFOs (two more)."""
    partners = {}
    rows = Partner.objects.order_by("position", "pk", "professions__position", "professions__pk")
    for row in rows.values(*PARTNER_FIELDS, "professions__name"):
        partner = partners.get(row["pk"])
        if partner is None:
            partner = partners[row["pk"]] = row | {"professions": []}
            partner["has_contact"] = bool(
                row["contact_name"] or row["phone"] or row["email"] or row["website"]
            )
        if row["professions__name"] is not None:
            partner["professions"].append(row["professions__name"])
    partners = list(partners.values())
    schools = None
    if any(partner["shows_district_schools"] for partner in partners):
        schools = district_schools()
    about = DaycareAbout.objects.values("partners_intro", "partners_intro_html").first()
    context = {"about": about, "partners": partners, "district_schools": schools}
    return render(request, "daycare/partners.html", context)


PARTNER_FIELDS = ("pk", "name", "description_html", "shows_district_schools", "contact_name",
                  "phone", "email", "website")  # fmt: skip


def district_schools():
    """Each district (A–Å) with its schools and BFOs (A–Å), in one query, their
    addresses made once."""
    address = link_maker("districts:institution_detail", "slug")
    district_address = link_maker("districts:district_detail", "slug")
    rows = (
        District.objects.annotate(
            school=FilteredRelation(
                "institutions", condition=Q(institutions__institution_type__in=SCHOOL_TYPES)
            )
        )
        .order_by("name", "school__name")
        .values_list("pk", "name", "slug", "school__name", "school__slug")
    )
    districts = {}
    for pk, name, slug, school, school_slug in rows:
        district = districts.get(pk)
        if district is None:
            district = districts[pk] = {"name": name, "url": district_address(slug), "schools": []}
        if school is not None:
            district["schools"].append({"name": school, "url": address(school_slug)})
    return list(districts.values())


def vision(request):
    """The vision and the strategy, each with its sections and their bullets, read as
    values in two queries (the texts' HTML stored by every save: ``MarkdownHTMLField``)."""
    documents = {
        document["key"]: document | {"sections": []}
        for document in Document.objects.values(
            "pk", "key", "title", "subtitle", "intro_html", "link_url"
        )
    }
    by_pk = {document["pk"]: document for document in documents.values()}
    rows = Section.objects.order_by(
        "document_id", "position", "pk", "bullets__position", "bullets__pk"
    ).values_list("document_id", "pk", "level", "heading", "text_html", "text_after_html",
                  "bullets__text_html")  # fmt: skip
    section = None
    for document_pk, pk, level, heading, text, text_after, bullet in rows:
        if section is None or section["pk"] != pk:
            # The heading's tag and anchor as text: an int in a template is localised.
            section = {"pk": pk, "level": level, "tag": f"h{level}", "anchor": f"afsnit-{pk}",
                       "heading": heading, "text_html": text, "text_after_html": text_after,
                       "bullets": []}  # fmt: skip
            by_pk[document_pk]["sections"].append(section)
        if bullet is not None:
            section["bullets"].append(bullet)
    context = {
        "vision": documents.get(Document.Key.VISION),
        "strategy": documents.get(Document.Key.STRATEGY),
    }
    return render(request, "daycare/vision.html", context)
