"""WSGI entry point for gunicorn; production settings unless told otherwise.

A worker's own copies of cached pages are answered here, before Django builds a request
(``caching.worker_copies.PageCacheApplication``); everything else is Django's."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ballerup_portal.settings.prod")

from caching.worker_copies import PageCacheApplication  # noqa: E402 (settings first)

application = PageCacheApplication(get_wsgi_application())
