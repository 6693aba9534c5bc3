"""System checks: ``manage.py check`` fails when a portal admin has no permission scope.

Without a scope a model is administrators' only; a new app's model registered on a
``PortalModelAdmin`` without one in its ``rules.py`` is almost certainly an oversight.
"""

from django.apps import apps
from django.core import checks

from . import permissions


@checks.register(checks.Tags.admin)
def portal_admins_have_scopes(app_configs=None, **kwargs):
    from django.contrib import admin

    from .admin_base import PortalInline, PortalModelAdmin

    errors = []
    for model in apps.get_models():
        if not admin.site.is_registered(model):
            continue
        model_admin = admin.site.get_model_admin(model)
        if not isinstance(model_admin, PortalModelAdmin):
            continue
        models = [model] + [
            inline.model for inline in model_admin.inlines if issubclass(inline, PortalInline)
        ]
        for checked in models:
            if not permissions.has_scope(checked):
                errors.append(
                    checks.Error(
                        f"{checked._meta.label} is edited in a portal admin but has no "
                        "permission scope.",
                        hint=(
                            f"Register one in {checked._meta.app_label}/rules.py with "
                            "ballerup_portal.permissions.register()."
                        ),
                        obj=model_admin,
                        id="portal.E001",
                    )
                )
    return errors
