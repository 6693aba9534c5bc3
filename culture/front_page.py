from django.utils.translation import gettext_lazy as _

from pages.front_page import register_link

register_link(
    "culture:service", _("Kunst og kultur: kulturtjenesten og kulturnetværkene"), order=50
)
