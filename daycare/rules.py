"""Who may change what in the daycare section (scopes per model, on
``core.permissions``).

Closing days and their rules are the administrators': all daycare closes on the same
days. Where alternative care is offered is set per district, by that district's leader.
The section's texts, partners, vision and strategy are the administrators' alone.
Inspection reports are uploaded by administrators only; a district leader sees their own
district's reports (read-only); culture staff see nothing.
"""

from django.db.models import Q

from core import permissions
from core.permissions import EVERYTHING, NOTHING
from districts.rules import institutions_in, led_district_ids

from .models import (
    AlternativeCare,
    Bullet,
    ClosingDay,
    ClosingDayRule,
    DaycareAbout,
    Document,
    InspectionReport,
    Partner,
    Profession,
    Section,
)

permissions.register(
    ClosingDay,
    change=lambda user: NOTHING,
    # A leader sees the days, to set their district's alternative care.
    view=lambda user: EVERYTHING,
    choice=lambda user: Q(alternative_care=True),
)
permissions.register(AlternativeCare, change=lambda user: Q(district__in=led_district_ids(user)))
permissions.register(ClosingDayRule, change=lambda user: NOTHING)
permissions.register(
    InspectionReport,
    change=lambda user: NOTHING,
    view=lambda user: Q(unit__in=institutions_in(led_district_ids(user))),
    choice=lambda user: NOTHING,
    may_delete=lambda user, obj: False,
)

# The section's own texts (about, partners, vision, strategy): administrators only.
for model in (DaycareAbout, Partner, Profession, Document, Section, Bullet):
    permissions.register(model, change=lambda user: NOTHING)
