from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    """The mails the portal sends: written to a table in the same transaction as the
    content they tell about, sent later by ``manage.py send_notifications``."""

    name = "outbox"
    verbose_name = _("Udbakke")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system check)
