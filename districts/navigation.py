from django.utils.translation import gettext_lazy as _

from core.navigation import register_page

register_page("districts:district_list", _("Distrikter"), menu=10)
register_page("districts:institution_list", _("Institutioner A–Å"), menu=20)
