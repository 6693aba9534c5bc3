"""Test settings: the dev defaults, a fast password hasher and a throw-away media root.

``DATABASE_URL`` from the environment (CI's PostgreSQL run) still wins over SQLite.
"""

import os
import tempfile

os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="ballerup-test-media-"))

from .dev import *  # noqa: E402,F403

# Hashing with the production hasher makes every login in the suite slow.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests should not need collectstatic; the manifest is tested by the deploy check.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Test clients log in with client.login(), which gives django-axes no request to count
# against; tests/test_login_protection.py turns axes on and logs in through the form.
AXES_ENABLED = False
# The shared page cache would hide each page's own queries from the query-count tests;
# tests/caching/test_page_cache.py turns it on.
PAGE_CACHE_ENABLED = False
# In memory, so that the content version stored on every save adds no database queries
# to other tests' counts; tests/caching/test_page_cache.py also runs on the database cache.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Mails stay in django.core.mail.outbox; tests/outbox/test_smtp.py uses a real SMTP server.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SITE_URL = "http://testserver"
