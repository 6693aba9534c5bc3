"""The page cache's content version (``page_cache``). The project package otherwise holds
only the migrations of the models that moved to ``accounts`` and ``pages`` (their tables
keep the ``ballerup_portal_`` names)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """The page cache's content version while pages are kept in the database cache
    (``page_cache``): one row, in a table of its own, so that the cache table's culling
    can never remove it (with Redis the version is a key there)."""

    value = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("indholdsversion")
        verbose_name_plural = _("indholdsversioner")

    def __str__(self):
        return self.value
