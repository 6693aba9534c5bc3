from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.admin_index import add_user_links


def digest_link(user):
    """Every staff member's own weekly digest settings."""
    return [(reverse("notify:digest_settings"), _("Ugentlig oversigt"))]


add_user_links(60, digest_link)
