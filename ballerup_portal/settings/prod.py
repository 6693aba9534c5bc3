"""Production: everything must come from the environment; nothing falls back.

``SECRET_KEY``, ``ALLOWED_HOSTS`` and ``DATABASE_URL`` have no default in ``base`` and
stop start-up when missing. This module only hardens what base leaves open.
"""

from .base import *  # noqa: F403
from .env import env_bool, env_int

DEBUG = False

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Every staff login needs the one-time code (REQUIRE_2FA=0 only for an emergency).
REQUIRE_2FA = env_bool("REQUIRE_2FA", default=True)

# Number of reverse proxies in front of gunicorn that set X-Forwarded-For/-Proto.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)
if TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
