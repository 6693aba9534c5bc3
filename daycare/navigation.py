from django.utils.translation import gettext_lazy as _

from core.navigation import register_page

register_page("daycare:about", _("Dagtilbud"), menu=30)
register_page("daycare:organisation", _("Vores organisering"))
register_page("daycare:partners", _("Samarbejdspartnere"))
register_page("daycare:vision", _("Vision og strategi"))
register_page("daycare:closing_days", _("Lukkedage"), menu=40)
register_page("daycare:inspection_reports", _("Tilsyn"), menu=50)
