"""Local development: safe defaults so that ``make run`` works with nothing configured.

The defaults are set into the environment before ``base`` reads it, so base stays the
only reader and a variable set by the developer still wins.
"""

import os
from pathlib import Path

_VAR = Path(__file__).resolve().parent.parent.parent / "var"

os.environ.setdefault("SECRET_KEY", "dev-only-insecure-key-never-used-in-production")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_VAR / 'db.sqlite3'}")
# Mails are written as files to var/mail/ (one file per send_notifications batch).
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")

from .base import *  # noqa: E402,F403

DEMO_DATA_ALLOWED = True
