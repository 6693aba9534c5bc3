"""The app-agnostic permission base: scopes per model, and the check that none is missing."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core import checks
from django.db.models import Q

from core import permissions
from core.admin_base import PortalModelAdmin
from districts.models import Institution


@pytest.fixture
def session_admin():
    """A portal admin for a model no app gave a scope (sessions stand in for a new app's
    model)."""
    admin.site.register(Session, PortalModelAdmin)
    yield
    admin.site.unregister(Session)


def portal_errors():
    return [e for e in checks.run_checks(tags=[checks.Tags.admin]) if e.id == "portal.E001"]


def test_every_portal_admin_has_a_scope():
    assert portal_errors() == []


@pytest.mark.usefixtures("session_admin")
def test_a_portal_admin_without_a_scope_fails_the_system_check():
    errors = portal_errors()
    assert [e.msg for e in errors] == [
        "sessions.Session is edited in a portal admin but has no permission scope."
    ]
    assert "sessions/rules.py" in errors[0].hint


def test_a_registered_scope_narrows_querysets_and_object_permissions(seed):
    leader = get_user_model().objects.get(username="leder-baltorp")
    administrator = get_user_model().objects.get(username="admin")
    own = Institution.objects.get(slug="boernehuset-grantoften")
    other = Institution.objects.get(slug="boernehuset-valhalla")
    assert permissions.has_scope(Institution)
    assert set(permissions.scoped(Institution.objects.all(), leader)) >= {own}
    assert other not in permissions.scoped(Institution.objects.all(), leader)
    assert leader.has_perm("districts.change_institution", own)
    assert not leader.has_perm("districts.change_institution", other)
    # Administrators are never narrowed.
    assert administrator.has_perm("districts.change_institution", other)
    assert permissions.change_scope(administrator, Institution) is None


def test_a_model_without_a_scope_is_nobodys_but_the_administrators(seed):
    leader = get_user_model().objects.get(username="leder-baltorp")
    assert permissions.change_scope(leader, Session) == permissions.NOTHING
    assert permissions.view_scope(leader, Session) == Q(pk__in=[])


def test_a_table_inline_without_a_scope_fails_the_system_check_too():
    """Stacked or tabular, an inline's rows are edited in the portal admin."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    from core.admin_base import PortalTabularInline

    class PermissionRows(PortalTabularInline):
        model = Permission

    class ContentTypeAdmin(PortalModelAdmin):
        inlines = [PermissionRows]

    admin.site.register(ContentType, ContentTypeAdmin)
    try:
        messages = [e.msg for e in portal_errors()]
    finally:
        admin.site.unregister(ContentType)
    assert "auth.Permission is edited in a portal admin but has no permission scope." in messages
