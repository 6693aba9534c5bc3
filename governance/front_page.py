from django.utils.translation import gettext_lazy as _

from pages.front_page import register_link

register_link("governance:board_list", _("Forældrebestyrelser og husråd"), order=40)
