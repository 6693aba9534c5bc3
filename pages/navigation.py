from django.utils.translation import gettext_lazy as _

from core.navigation import register_page

register_page("home", _("Forside"), menu=0)
register_page("accessibility_statement", _("Tilgængelighedserklæring"))
register_page("privacy", _("Privatliv og cookies"))
