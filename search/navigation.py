from django.utils.translation import gettext_lazy as _

from core.navigation import register_page

register_page("search", _("Søg"))
