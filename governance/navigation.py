from django.utils.translation import gettext_lazy as _

from core.navigation import register_page

register_page("governance:board_list", _("Bestyrelser"), menu=70)
