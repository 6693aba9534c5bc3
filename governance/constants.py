from django.db import models
from django.utils.translation import gettext_lazy as _


class BoardRole(models.TextChoices):
    """Who sits on a parent board (001: "Forældrebestyrelserne")."""

    PARENT = "foraeldrerepraesentant", _("Forældrerepræsentant")
    STAFF = "medarbejderrepraesentant", _("Medarbejderrepræsentant")
    PEDAGOGICAL_LEADER = "paedagogisk_leder", _("Pædagogisk leder")
    DISTRICT_LEADER = "distriktsleder", _("Distriktsleder")


# 001: at a district board's meetings "en pædagogisk leder samt distriktslederen (begge
# uden stemmeret)". That is all the source says about votes; the page says no more.
NON_VOTING_ROLES = (BoardRole.PEDAGOGICAL_LEADER, BoardRole.DISTRICT_LEADER)


class CouncilRole(models.TextChoices):
    """Who sits on a house council (001: "Husråd")."""

    PARENT = "foraeldrerepraesentant", _("Forældrerepræsentant")
    STAFF = "personalerepraesentant", _("Personalerepræsentant")
    PEDAGOGICAL_LEADER = "paedagogisk_leder", _("Pædagogisk leder")
