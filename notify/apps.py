from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotifyConfig(AppConfig):
    """E-mail notices: parents' subscriptions (double opt-in, no login, no cookie) and the
    staff's weekly digest, both sent through the outbox."""

    name = "notify"
    verbose_name = _("E-mailbeskeder")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers

        receivers.connect()
