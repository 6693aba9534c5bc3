from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationStatus(models.TextChoices):
    DRAFT = "kladde", _("Kladde")
    PUBLISHED = "offentliggjort", _("Offentliggjort")


class RuleKind(models.TextChoices):
    """How a closing-day rule finds its dates in a year."""

    FIXED = "fast_dato", _("Fast dato (dag og måned)")
    EASTER = "paaske", _("I forhold til påskedag")
    RANGE = "periode", _("Hverdage i en periode (dag til dag i en måned)")
