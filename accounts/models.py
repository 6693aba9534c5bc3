"""Audit history for staff accounts and groups, which Django's auth app defines.

Who may do what is decided by group membership, so a change of an account or a group
is recorded like any other staff change. Password hashes are never copied into the
history, and a login, which only moves ``last_login``, adds no version.

The history tables keep the names they had when the models lived in ``ballerup_portal``
(``table_name``); simple-history names the tables of the links' history itself, so
``accounts/migrations/0001`` renamed those two: the move lost no row.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, update_last_login
from simple_history import register

User = get_user_model()

register(
    User,
    app="accounts",
    table_name="ballerup_portal_historicaluser",
    excluded_fields=["password", "last_login"],
    m2m_fields=[User.groups.field],
)
register(
    Group,
    app="accounts",
    table_name="ballerup_portal_historicalgroup",
    m2m_fields=[Group.permissions.field],
)


def update_last_login_without_history(sender, user, **kwargs):
    """Django's own last-login stamp, saved without a history version (AccountsConfig.ready
    puts it in place of Django's receiver)."""
    user.skip_history_when_saving = True
    try:
        update_last_login(sender, user, **kwargs)
    finally:
        del user.skip_history_when_saving
