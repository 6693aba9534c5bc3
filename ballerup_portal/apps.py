from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Project-wide pieces: management commands, template tags and the public frame."""

    name = "ballerup_portal"
    verbose_name = "Ballerup børneportal"
