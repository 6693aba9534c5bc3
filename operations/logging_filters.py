"""Log filters that turn expected failures into one line each instead of a traceback.

While the database is unreachable every request fails the same way; a traceback per
request would bury everything else in the log. A forged Host header is noise from
scanners, and a refused request (403) is the permission system working, not a bug.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.db import InterfaceError, OperationalError

DATABASE_ERRORS = (OperationalError, InterfaceError)


def _one_line(record, text, level=logging.WARNING):
    # Marked, so that a filter attached twice (logging configured again, as importing the
    # WSGI module does) leaves the line as it is.
    record.portal_one_line = True
    record.msg = text
    record.args = ()
    record.exc_info = None
    record.exc_text = None
    record.levelno = level
    record.levelname = logging.getLevelName(level)
    return True


class OneLineOutages(logging.Filter):
    def filter(self, record):
        exception = record.exc_info[1] if record.exc_info else None
        if isinstance(exception, DATABASE_ERRORS):
            first_line = (str(exception).strip().splitlines() or [type(exception).__name__])[0]
            path = getattr(getattr(record, "request", None), "path", "")
            return _one_line(record, f"Databasen svarer ikke ({path}): {first_line}")
        return True


class OneLineForbidden(logging.Filter):
    """A refused request (403) is the permission system working: one line with the path,
    no traceback, so that nobody signed in can flood the log with tracebacks."""

    def filter(self, record):
        exception = record.exc_info[1] if record.exc_info else None
        if isinstance(exception, PermissionDenied):
            path = getattr(getattr(record, "request", None), "path", "")
            return _one_line(record, f"Afvist (403): {path}")
        return True


class OneLineBadHosts(logging.Filter):
    def filter(self, record):
        if getattr(record, "portal_one_line", False):
            return True
        return _one_line(record, f"Afvist Host-header: {record.getMessage().splitlines()[0]}")
