"""The site's named pages: their titles, the main navigation and the breadcrumbs.

A page with a title here can be linked by its URL name alone; an app adds its public
section with one line in ``PAGES`` (and one in ``MAIN_NAV`` if it belongs in the menu).
"""

from django.utils.translation import gettext_lazy as _

# URL name → the page's title, as a link to it reads.
PAGES = {
    "home": _("Forside"),
    "districts:district_list": _("Distrikter"),
    "districts:institution_list": _("Institutioner A–Å"),
    "search": _("Søg"),
    "accessibility_statement": _("Tilgængelighedserklæring"),
    "daycare:about": _("Dagtilbud"),
    "daycare:organisation": _("Vores organisering"),
    "daycare:partners": _("Samarbejdspartnere"),
    "daycare:vision": _("Vision og strategi"),
    "privacy": _("Privatliv og cookies"),
    "daycare:closing_days": _("Lukkedage"),
    "daycare:inspection_reports": _("Tilsyn"),
    "culture:service": _("Kultur"),
    "governance:board_list": _("Bestyrelser"),
}

# The main navigation, in order.
MAIN_NAV = [
    "home",
    "districts:district_list",
    "districts:institution_list",
    "daycare:about",
    "daycare:closing_days",
    "daycare:inspection_reports",
    "culture:service",
    "governance:board_list",
]
