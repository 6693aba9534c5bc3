"""Production: everything must come from the environment; nothing falls back.

``SECRET_KEY``, ``ALLOWED_HOSTS`` and ``DATABASE_URL`` have no default in ``base`` and
stop start-up when missing; here ``SITE_URL`` (https://) and ``DEFAULT_FROM_EMAIL`` (a
real sender, not the local run's ``noreply@localhost``) are required as well, and
``ALLOWED_HOSTS`` may not hold ``*``. This module only hardens what base leaves open.
"""

from email.utils import parseaddr

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS
from .env import env, env_bool, env_https_url, env_int

if "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Miljøvariablen ALLOWED_HOSTS må ikke indeholde * i produktion: skriv portalens "
        "værtsnavne, f.eks. boern.ballerup.dk."
    )

# The address the links in a mail lead to, and the sender of every mail.
SITE_URL = env_https_url("SITE_URL").rstrip("/")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
_sender = parseaddr(DEFAULT_FROM_EMAIL)[1]
if "@" not in _sender or _sender.rpartition("@")[2].lower() in {"localhost", "localhost."}:
    raise ImproperlyConfigured(
        "Miljøvariablen DEFAULT_FROM_EMAIL skal være portalens afsender, f.eks. "
        f'"Ballerup børneportal <noreply@ballerup.dk>", ikke {DEFAULT_FROM_EMAIL!r}.'
    )
SERVER_EMAIL = DEFAULT_FROM_EMAIL

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
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1, minimum=0)
if TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
