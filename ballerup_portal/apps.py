from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Project-wide pieces: management commands, template tags and the public frame."""

    name = "ballerup_portal"
    verbose_name = "Ballerup børneportal"

    def ready(self):
        # Registers the object-level rules with django-rules.
        from . import permissions  # noqa: F401
