"""Site-wide pages that belong to no app: the front page, the accessibility statement,
the privacy page and the error pages."""

import sys

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.defaults import server_error as django_server_error

from operations.logging_filters import DATABASE_ERRORS

from . import front_page


def home(request):
    """The front page: the sections and links the apps contribute (``front_page``)."""
    context = {"sections": front_page.sections(), "links": front_page.links()}
    return render(request, "pages/home.html", context)


def accessibility_statement(request):
    """The portal's own statement, or, once the municipality has published the official
    one in the Agency for Digitisation's tool (``WAS_URL``), a redirect there: /was is
    the short address the rules give, and there must be one statement, not two."""
    if settings.WAS_URL:
        return HttpResponseRedirect(settings.WAS_URL)
    return render(request, "pages/accessibility_statement.html")


def privacy(request):
    return render(request, "pages/privacy.html")


def csrf_failure(request, reason=""):
    """A form refused by the CSRF check (``CSRF_FAILURE_VIEW``): in staff words, what to
    do; the reason itself is for the log, which Django writes."""
    return render(request, "403_csrf.html", status=403)


def server_error(request):
    """The 500 page, or the 503 page with Retry-After while the database is unreachable:
    a visitor then learns it is temporary, and a load balancer can retry elsewhere."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_ERRORS):
        response = render(request, "503.html", status=503)
        response["Retry-After"] = str(settings.OUTAGE_RETRY_AFTER)
        return response
    return django_server_error(request)
