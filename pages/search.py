from django.utils.translation import gettext_lazy as _

from search import engine as search

search.register_page(
    "accessibility_statement",
    _("Tilgængelighedserklæring"),
    _("tilgængelighed was skærmlæser"),
)
