from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    """The page cache: the content version, the shared page cache, each worker's copies,
    kept values and ``{% keep %}`` fragments (docs/operations.md, "Performance and scale-out")."""

    default = True
    name = "caching"
    verbose_name = _("Sidecache")

    def ready(self):
        from django.db.models.signals import (
            m2m_changed,
            post_delete,
            post_migrate,
            post_save,
            pre_migrate,
        )

        from . import version

        # Any model's save, delete or M2M change makes every kept page out of date.
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(version.bump_content_version, dispatch_uid=f"page_cache_{id(signal)}")
        pre_migrate.connect(version.migration_started, dispatch_uid="page_cache_pre_migrate")
        post_migrate.connect(version.migration_finished, dispatch_uid="page_cache_post_migrate")
