from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The project package: settings and URLs, and the migrations of the models that moved
    to ``accounts`` and ``pages`` (``migrations/0006``), which existing databases have
    applied. Also, for now, the page cache's wiring."""

    default = True
    name = "ballerup_portal"
    verbose_name = _("Ballerup børneportal")

    def ready(self):
        # Any model's save, delete or M2M change makes every cached page out of date.
        from django.db.models.signals import (
            m2m_changed,
            post_delete,
            post_migrate,
            post_save,
            pre_migrate,
        )

        from . import page_cache

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(page_cache.bump_content_version, dispatch_uid=f"page_cache_{id(signal)}")
        pre_migrate.connect(page_cache.migration_started, dispatch_uid="page_cache_pre_migrate")
        post_migrate.connect(page_cache.migration_finished, dispatch_uid="page_cache_post_migrate")
