from django.db import models
from django.utils.translation import gettext_lazy as _


class InstitutionType(models.TextChoices):
    """The kinds of institution the sources name, in the order a district page lists them."""

    DAYCARE_HOUSE = "boernehus", _("Børnehus")
    DISTRICT_INSTITUTION = "distriktsinstitution", _("Distriktsinstitution")
    FAMILY_DAYCARE = "dagpleje", _("Dagpleje")
    SCHOOL = "skole", _("Skole")
    SPECIAL_SCHOOL = "specialskole", _("Specialskole")
    AFTER_SCHOOL = "bfo", _("BFO / fritidsordning")
    CLUB = "klub", _("Klub")

    @classmethod
    def plural_labels(cls):
        return {
            cls.DAYCARE_HOUSE: _("Børnehuse"),
            cls.DISTRICT_INSTITUTION: _("Distriktsinstitutioner"),
            cls.FAMILY_DAYCARE: _("Dagpleje"),
            cls.SCHOOL: _("Skoler"),
            cls.SPECIAL_SCHOOL: _("Specialskoler"),
            cls.AFTER_SCHOOL: _("BFO og fritidsordninger"),
            cls.CLUB: _("Klubber"),
        }


# Types whose houses are led by pedagogical leaders (0–5 years daycare).
DAYCARE_TYPES = (InstitutionType.DAYCARE_HOUSE, InstitutionType.DISTRICT_INSTITUTION)


class RoleType(models.TextChoices):
    """Management roles. The culture network's coordinator and ambassadors hold seats in
    their network (``culture.Seat``), not roles here."""

    DISTRICT_LEADER = "distriktsleder", _("Distriktsleder")
    PEDAGOGICAL_LEADER = "paedagogisk_leder", _("Pædagogisk leder")
    # Books places at the culture networks' performances for their institution (bookings).
    CULTURE_CONTACT = "kulturkontaktperson", _("Kulturkontaktperson")
