"""System checks: ``manage.py check`` fails when a portal admin has no permission scope,
or offers an action that does not say which permission it needs.

Without a scope a model is administrators' only; a new app's model registered on a
``PortalModelAdmin`` without one in its ``rules.py`` is almost certainly an oversight.
An admin action runs only for users holding its ``allowed_permissions`` on every selected
object (``admin_base.guard_action``); one without any would be refused to everyone, so a
new action must say what it needs.
"""

from django.apps import apps
from django.core import checks

from . import permissions


def portal_model_admins():
    """``(model, model_admin)`` for every model registered on the admin site with a
    ``PortalModelAdmin`` (through the admin site's public API)."""
    from django.contrib import admin

    from .admin_base import PortalModelAdmin

    for model in apps.get_models():
        if admin.site.is_registered(model):
            model_admin = admin.site.get_model_admin(model)
            if isinstance(model_admin, PortalModelAdmin):
                yield model, model_admin


@checks.register(checks.Tags.admin)
def portal_admins_have_scopes(app_configs=None, **kwargs):
    from .admin_base import ScopedInline

    errors = []
    for model, model_admin in portal_model_admins():
        models = [model] + [
            inline.model for inline in model_admin.inlines if issubclass(inline, ScopedInline)
        ]
        for checked in models:
            if not permissions.has_scope(checked):
                errors.append(
                    checks.Error(
                        f"{checked._meta.label} is edited in a portal admin but has no "
                        "permission scope.",
                        hint=(
                            f"Register one in {checked._meta.app_label}/rules.py with "
                            "core.permissions.register()."
                        ),
                        obj=model_admin,
                        id="portal.E001",
                    )
                )
    return errors


@checks.register(checks.Tags.admin)
def portal_admin_actions_declare_permissions(app_configs=None, **kwargs):
    errors = []
    for _model, model_admin in portal_model_admins():
        for action in model_admin.actions or ():
            func = getattr(type(model_admin), action) if isinstance(action, str) else action
            if not getattr(func, "allowed_permissions", None):
                errors.append(
                    checks.Error(
                        f"The admin action {getattr(func, '__name__', action)!r} declares no "
                        "permission.",
                        hint=(
                            "Decorate it with @admin.action(permissions=[...]): it runs only "
                            "for users holding them on every selected object."
                        ),
                        obj=model_admin,
                        id="portal.E002",
                    )
                )
    return errors
