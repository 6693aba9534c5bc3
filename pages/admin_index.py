from django.utils.translation import gettext_lazy as _

from accounts.admin_index import add, register_group

register_group("portal", _("Portalens oplysninger"), 70)
add("portal", ["pages.SiteSettings"])
