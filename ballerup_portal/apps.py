from axes import apps as axes_apps
from django.apps import AppConfig

# Imported as a module so Django's AdminConfig is not mistaken for this app's config.
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp import apps as totp_apps


class PortalConfig(AppConfig):
    """Project-wide pieces: management commands, template tags and the public frame."""

    default = True
    name = "ballerup_portal"
    verbose_name = _("Ballerup børneportal")

    def ready(self):
        from django.contrib.auth.models import update_last_login
        from django.contrib.auth.signals import user_logged_in
        from django.utils.module_loading import autodiscover_modules

        from . import checks  # noqa: F401  (registers the system checks)

        # Each app's search providers (<app>/search.py).
        autodiscover_modules("search")
        from .models import update_last_login_without_history

        # django.contrib.auth (earlier in INSTALLED_APPS, so ready first) stamps
        # last_login on every login; ours does the same without an audit version.
        user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
        user_logged_in.connect(update_last_login_without_history, dispatch_uid="update_last_login")


class PortalAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with ``admin.site`` being the portal's two-factor admin site.

    Replacing the default site keeps every ``@admin.register`` in the apps working.
    """

    default = False
    default_site = "ballerup_portal.admin_site.PortalAdminSite"


class AxesConfig(axes_apps.AppConfig):
    """django-axes under a Danish name in the admin."""

    verbose_name = _("Loginbeskyttelse")


class TOTPConfig(totp_apps.DefaultConfig):
    """django-otp's TOTP devices under Danish names in the admin."""

    verbose_name = _("To-trinslogin for medarbejdere")

    def ready(self):
        super().ready()
        from django_otp.plugins.otp_totp.models import TOTPDevice

        # The package's names are plain strings, not translatable. Set at run time only:
        # migrations read the model's original options, so this adds no migration.
        TOTPDevice._meta.verbose_name = _("godkendelsesapp")
        TOTPDevice._meta.verbose_name_plural = _("godkendelsesapps")
