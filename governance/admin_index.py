from django.utils.translation import gettext_lazy as _

from accounts.admin_index import add, register_group

register_group("bestyrelser", _("Bestyrelser og husråd"), 40)
add(
    "bestyrelser",
    [
        "governance.Board",
        "governance.BoardMeeting",
        "governance.Bylaws",
        "governance.CouncilMember",
        "governance.GovernanceText",
    ],
)
