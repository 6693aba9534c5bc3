from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """The page cache's content version while pages are kept in the database cache
    (``caching.version``): one row, in a table of its own, so that the cache table's
    culling can never remove it (with Redis the version is a key there). The table kept
    its name when the model moved here from ``ballerup_portal``."""

    value = models.CharField(max_length=32)

    class Meta:
        db_table = "ballerup_portal_contentversion"
        verbose_name = _("indholdsversion")
        verbose_name_plural = _("indholdsversioner")

    def __str__(self):
        return self.value
