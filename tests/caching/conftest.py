"""What the page-cache tests share: the shared cache switched on and emptied around a
test (``page_cache``), and a fixed clock (``at``)."""

from unittest import mock

import pytest
from django.core.cache import caches


def at(moment):
    """``with at(moment):`` Django's clock stands at ``moment``."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.fixture
def page_cache(settings, db):
    settings.PAGE_CACHE_ENABLED = True
    caches["default"].clear()
    yield
    caches["default"].clear()
