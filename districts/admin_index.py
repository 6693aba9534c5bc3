from django.utils.translation import gettext_lazy as _

from accounts.admin_index import add, register_group

register_group("distrikter", _("Distrikter og institutioner"), 30)
add(
    "distrikter",
    ["districts.District", "districts.Institution", "districts.Person", "districts.Role"],
)
