"""Who may change which daycare object (scopes per model, see ballerup_portal.permissions)."""

from django.db.models import Q

from ballerup_portal import permissions
from ballerup_portal.permissions import NOTHING
from districts.rules import institutions_in, led_district_ids

from .models import InspectionReport

# Inspection reports: uploaded by administrators only; a district leader sees their own
# district's reports (read-only); culture staff see nothing.
permissions.register(
    InspectionReport,
    change=lambda user: NOTHING,
    view=lambda user: Q(unit__in=institutions_in(led_district_ids(user))),
    choice=lambda user: NOTHING,
    may_delete=lambda user, obj: False,
)
