from django.utils.translation import gettext_lazy as _

from accounts.admin_index import add, register_group

register_group("kultur", _("Kultur"), 50)
add(
    "kultur",
    [
        "culture.Event",
        "culture.Meeting",
        "culture.Network",
        "culture.Project",
        "culture.Organisation",
        "culture.Facilitator",
        "culture.CultureService",
    ],
)
