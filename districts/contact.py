"""Whom a parent can call when an institution's own address, phone, e-mail or (for a
daycare unit) opening hours are not registered.

The chain, first that has a phone number or an e-mail address: the house's pedagogical
leaders; the district institution the house belongs to; the district leader and the
district's own contact; the municipality's contact (the site settings). A page never
ends in "not registered" alone: when even the municipality's contact is empty, it says
so and points to the district's page.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


def reachable(contact):
    return bool(getattr(contact, "phone", "") or getattr(contact, "email", ""))


@dataclass
class ContactHelp:
    missing: list  # what the institution itself lacks: "adresse", "telefonnummer", …
    level: str = ""  # "leaders", "district_institution", "district", "municipality", ""
    heading: str = ""
    people: list = field(default_factory=list)
    units: list = field(default_factory=list)  # institutions or districts with a contact
    municipality: object = None

    @property
    def missing_text(self):
        """``"adresse, telefonnummer og åbningstider"``."""
        names = [str(name) for name in self.missing]
        if len(names) == 1:
            return names[0]
        return _("%(first)s og %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def contact_help(institution, leaders, district_leaders, districts, settings):
    """What to show under "Kontakt" when ``institution`` lacks an address, a phone, an
    e-mail or (a daycare unit) opening hours; ``None`` when it has them all."""
    missing = []
    if not institution.address:
        missing.append(_("adresse"))
    if not institution.phone:
        missing.append(_("telefonnummer"))
    if not institution.email:
        missing.append(_("e-mailadresse"))
    if institution.is_daycare and not institution.opening_hours:
        missing.append(_("åbningstider"))
    if not missing:
        return None
    found = ContactHelp(missing=missing)
    people = [person for person in leaders if reachable(person)]
    if people:
        found.level, found.people = "leaders", people
        found.heading = _("Kontakt husets pædagogiske leder")
        return found
    part_of = institution.part_of if institution.part_of_id else None
    if part_of is not None and reachable(part_of):
        found.level, found.units = "district_institution", [part_of]
        found.heading = _("Kontakt distriktsinstitutionen")
        return found
    people = [person for person in district_leaders if reachable(person)]
    units = [district for district in districts if reachable(district)]
    if people or units:
        found.level, found.people, found.units = "district", people, units
        found.heading = _("Kontakt distriktet")
        return found
    if settings is not None and settings.has_contact:
        found.level, found.municipality = "municipality", settings
        found.heading = _("Kontakt Ballerup Kommune")
        return found
    found.heading = _("Kontakt")
    return found
