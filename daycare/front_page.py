from django.utils.translation import gettext_lazy as _

from pages.front_page import register_link, register_section

# The next closing day, beside the links box.
register_section("daycare/includes/front_page_closing_day.html", order=10, box=True)
register_link(
    "daycare:about",
    _("Dagtilbud: organisering, samarbejdspartnere og visionen »Dagtilbud med mening«"),
    order=10,
)
register_link("daycare:closing_days", _("Lukkedage og alternativ pasning"), order=20)
register_link("daycare:inspection_reports", _("Tilsynsrapporter for børnehusene"), order=30)
