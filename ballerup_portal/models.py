"""Audit history for staff accounts and groups, which Django's auth app defines.

Who may do what is decided by group membership, so a change of an account or a group
is recorded like any other staff change (see ``districts.models`` for the portal's own
models). Password hashes are never copied into the history, and a login, which only
moves ``last_login``, adds no version.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, update_last_login
from simple_history import register

User = get_user_model()

register(
    User,
    app="ballerup_portal",
    excluded_fields=["password", "last_login"],
    m2m_fields=[User.groups.field],
)
register(Group, app="ballerup_portal", m2m_fields=[Group.permissions.field])


def update_last_login_without_history(sender, user, **kwargs):
    """Django's own last-login stamp, saved without a history version (PortalConfig.ready
    puts it in place of Django's receiver)."""
    user.skip_history_when_saving = True
    try:
        update_last_login(sender, user, **kwargs)
    finally:
        del user.skip_history_when_saving
