"""Settings shared by every environment. Only this module (through ``env``) reads the
environment; ``dev`` and ``test`` fill in local defaults before importing it."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import env, env_bool, env_choice, env_float, env_https_url, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env("SECRET_KEY")
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # The admin with the portal's two-factor login (accounts/admin_site.py).
    "accounts.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "csp",
    "accounts.apps.AxesConfig",  # django-axes, named in Danish
    "django_otp",
    "accounts.apps.TOTPConfig",  # django-otp TOTP, named in Danish
    # The project package: settings, URLs, and the migrations of models that moved out.
    "ballerup_portal",
    # Shared apps, one concern each; they import no feature app. Every app plugs into
    # them the same way (core/contributions.py).
    "core",  # the base every app uses: permissions, admin base, text, dates, PDF, navigation
    "accounts",  # staff login: two-factor, lock-out, account history
    "search",
    "pages",  # the front page, /was, /privatliv, the site settings, the error pages
    "operations",  # health checks, backup and restore, logging
    "caching",  # the page cache, kept values and {% keep %} fragments
    # Feature apps: they import only districts (the base of the domain) and shared apps.
    "districts",
    "culture",
    "daycare",
    "governance",
    "bookings",
    # The mails the portal sends (outbox/__init__.py, `manage.py send_notifications`).
    "outbox",
    # Parents' e-mail subscriptions and the staff's weekly digest (notify/).
    "notify",
    # Imports every app's rules.py (its object-level permission scopes) at start-up.
    "rules.apps.AutodiscoverRulesConfig",
    # django-cleanup, last as it asks: a file replaced, cleared or of a deleted row is
    # deleted once the transaction commits. Only models marked ``@cleanup.select`` (the
    # inspection report, the by-laws); never their history rows, which name old files.
    "django_cleanup.apps.CleanupSelectedConfig",
]

MIDDLEWARE = [
    # Anonymous GETs answered from the shared page cache skip everything below; a page
    # is stored with the headers all of it gave (caching/middleware.py).
    "caching.middleware.SharedPageCacheMiddleware",
    "pages.middleware.BaselineSecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "pages.middleware.PublicCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records the signed-in user on every history entry a request creates (M2M included).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "pages.middleware.PermissionsPolicyMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses a locked-out login before any password is checked.
# Then the object-level rules (each app's rules.py on core/permissions.py):
# a district leader's model permission from their group only holds for their own
# district's objects.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "ballerup_portal.urls"
# Seconds a visitor is asked to wait (Retry-After) while the database is unreachable.
OUTAGE_RETRY_AFTER = 30
WSGI_APPLICATION = "ballerup_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # The municipality's contact details for every page's footer.
                "pages.site_settings.context_processor",
            ],
        },
    },
]

try:
    _database = dj_database_url.parse(
        env("DATABASE_URL"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
except ValueError:
    # Not the value itself in the message: it may hold the password.
    raise ImproperlyConfigured(
        "Miljøvariablen DATABASE_URL skal være en adresse med skema, f.eks. "
        "postgres://bruger:adgangskode@vært:5432/database eller sqlite:////sti/til/db.sqlite3."
    ) from None
DATABASES = {"default": _database}
# The options in DATABASE_URL's query string (?sslmode=verify-full&sslrootcert=...) are
# kept and win over the defaults below (operations/backups.py gives them to pg_dump).
_url_options = DATABASES["default"].get("OPTIONS", {})
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A frozen or unreachable server costs a request seconds, not minutes: connecting
    # gives up after DATABASE_CONNECT_TIMEOUT s, a query after DATABASE_STATEMENT_TIMEOUT
    # ms; the visitor then gets the 503 page (pages.views.server_error).
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": env_int("DATABASE_CONNECT_TIMEOUT", 5),
        "options": f"-c statement_timeout={env_int('DATABASE_STATEMENT_TIMEOUT', 15000)}",
        **_url_options,
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default: readers never wait for a writer (WAL), and a write waits
    # for another instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        **_url_options,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Largest PDF staff may upload (core.pdf), in megabytes.
MAX_PDF_UPLOAD_MB = env_int("MAX_PDF_UPLOAD_MB", 20, minimum=1)
# The PDF check runs in a child process with these bounds (core/pdf_check.py):
# wall-clock and CPU seconds, address space, pages, decompressed page content.
PDF_CHECK_SECONDS = env_float("PDF_CHECK_SECONDS", 10.0, minimum=0.1)
PDF_CHECK_MEMORY_MB = env_int("PDF_CHECK_MEMORY_MB", 512, minimum=1)
PDF_MAX_PAGES = env_int("PDF_MAX_PAGES", 300, minimum=1)
PDF_MAX_CONTENT_MB = env_int("PDF_MAX_CONTENT_MB", 100, minimum=1)

# Anonymous visitors get no cookie: sessions are only created by logging in, and the
# CSRF cookie is only set on pages with a form (the admin login).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# A form refused for its missing or old token gets the portal's Danish page, not Django's
# English one with an inline style the CSP blocks.
CSRF_FAILURE_VIEW = "pages.views.csrf_failure"
SESSION_COOKIE_AGE = 60 * 60 * 8

# Reverse proxies in front of gunicorn that set X-Forwarded-For (0 locally: the client is
# REMOTE_ADDR). Production's default is in prod.py.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0, minimum=0)

# Login protection (django-axes): five failed logins for one username from one client
# address lock that combination for 15 minutes; the same user elsewhere and other users
# from the same address can still log in. The client address comes from
# accounts.security.client_ip, which honours TRUSTED_PROXY_COUNT; django-ipware,
# which axes' AXES_IPWARE_* settings configure, is not installed.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "accounts.security.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.security.lockout_response"
# Failed logins and lock-outs are still logged, with just the username and address that
# are counted; verbose mode adds the user agent and prints a banner on every command.
AXES_VERBOSE = False

# Two-factor login (TOTP) for every staff login to the admin. prod.py turns it on.
REQUIRE_2FA = env_bool("REQUIRE_2FA", default=False)
OTP_TOTP_ISSUER = "Ballerup børneportal"

# Content Security Policy (django-csp): nothing inline, nothing from elsewhere. The pages
# use only our own CSS, images and fonts and no JavaScript; the admin its own scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # data: for the small SVG icons Bootstrap's CSS carries inline.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
    },
}
# Browser features the portal never uses, switched off for every page (our middleware).
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

LOGIN_URL = "admin:login"
# Where a login lands when its ?next= is missing or points off the site.
LOGIN_REDIRECT_URL = "admin:index"

# How long browsers and proxies may keep a public page for visitors who are not logged
# in (pages.middleware.PublicCacheMiddleware).
PUBLIC_CACHE_SECONDS = env_int("PUBLIC_CACHE_SECONDS", 60)

# The official accessibility statement in the Agency for Digitisation's tool
# (https://www.was.digst.dk/<domain>): when set, /was redirects there. Empty: /was shows
# the portal's own statement, with its contacts and dates from the site settings.
WAS_URL = env_https_url("WAS_URL", "")

# E-mail (outbox/): SMTP from the environment; dev.py writes mails to files in var/mail/.
# SITE_URL is the address the links in a mail lead to.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
# A mail server that does not answer costs a send_notifications run seconds, not minutes.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Ballerup børneportal <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Demo accounts (`manage.py create_demo`) only ever exist on a local run.
DEMO_PASSWORD = env("DEMO_PASSWORD", "ballerup-demo-2026")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "filters": {
        # A database outage, a forged Host header and a refused request (403) are one
        # line each, not a traceback per request (operations.logging_filters).
        "one_line_outages": {"()": "operations.logging_filters.OneLineOutages"},
        "one_line_bad_hosts": {"()": "operations.logging_filters.OneLineBadHosts"},
        "one_line_forbidden": {"()": "operations.logging_filters.OneLineForbidden"},
    },
    "root": {
        "handlers": ["console"],
        # Any case: LOG_LEVEL=debug is DEBUG.
        "level": env_choice("LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")),
    },
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "django.request": {"filters": ["one_line_outages", "one_line_forbidden"]},
        "django.security.DisallowedHost": {"filters": ["one_line_bad_hosts"]},
        "outbox": {"level": "INFO"},
    },
}

DEMO_DATA_ALLOWED = False

# The cache every worker and host shares (caching/): Redis when
# REDIS_URL is set, else a table in the database (`manage.py createcachetable`).
REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's cache API on one redis-py client (caching/cache_backends.py).
            "BACKEND": "caching.cache_backends.PortalRedisCache",
            "LOCATION": REDIS_URL,
            # Fail fast when Redis is away: the pages are then rendered uncached.
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "ballerup"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60 * 60 * 24)
# Pages with a query string (a search, a filter) stored per content version, at most: what
# anonymous requests can add to the cache is bounded (caching.keys.query_parameters).
PAGE_CACHE_QUERY_PAGES = env_int("PAGE_CACHE_QUERY_PAGES", 500)
# Never answered from or stored in the page cache: staff pages, files, and the load
# balancer's probes (operations/urls.py), which must not wait for the cache or its
# content version (a query, with the cache in the database).
PAGE_CACHE_SKIP_PREFIXES = ("/admin/", "/static/", "/media/", "/healthz", "/readyz")

# Uploaded files: the local folder, or S3-compatible object storage (django-storages)
# when AWS_STORAGE_BUCKET_NAME is set, so several app servers share them.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", "") or None
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", "") or None
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = True
    AWS_S3_FILE_OVERWRITE = False

# A connection pool per worker process (psycopg_pool) on PostgreSQL when DATABASE_POOL_MAX
# is set: size it to gunicorn's threads per worker. Django then keeps no persistent
# connections of its own (CONN_MAX_AGE 0), and a restarted PostgreSQL is reconnected.
DATABASE_POOL_MAX = env_int("DATABASE_POOL_MAX", 0)
if DATABASE_POOL_MAX and DATABASES["default"]["ENGINE"].endswith("postgresql"):
    from psycopg_pool import ConnectionPool

    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": DATABASE_POOL_MAX,
        "timeout": 10,
        # A connection is checked before use: none dead from a database restart is used.
        "check": ConnectionPool.check_connection,
    }

# For the benchmark only: the page cache's layers to turn off (caching/layers.py); e.g.
# "fragments" renders the {% keep %} fragments (header, footer, a district's houses) on
# every request instead of once per content version in each process.
CACHE_LAYERS_OFF = frozenset(env_list("CACHE_LAYERS_OFF", ""))
if REDIS_URL and "redis_client" in CACHE_LAYERS_OFF:
    CACHES["default"]["BACKEND"] = "django.core.cache.backends.redis.RedisCache"
