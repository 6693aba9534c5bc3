from django.db import models
from django.utils.translation import gettext_lazy as _


class BoardRole(models.TextChoices):
    """Who sits on a parent board (001: "Forældrebestyrelserne")."""

    PARENT = "foraeldrerepraesentant", _("Forældrerepræsentant")
    STAFF = "medarbejderrepraesentant", _("Medarbejderrepræsentant")
    PEDAGOGICAL_LEADER = "paedagogisk_leder", _("Pædagogisk leder")
    DISTRICT_LEADER = "distriktsleder", _("Distriktsleder")


# A pedagogical leader and the district leader attend without a vote.
VOTING_ROLES = (BoardRole.PARENT, BoardRole.STAFF)


class CouncilRole(models.TextChoices):
    """Who sits on a house council (001: "Husråd")."""

    PARENT = "foraeldrerepraesentant", _("Forældrerepræsentant")
    STAFF = "personalerepraesentant", _("Personalerepræsentant")
    PEDAGOGICAL_LEADER = "paedagogisk_leder", _("Pædagogisk leder")
