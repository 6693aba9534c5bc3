"""Site-wide pages that belong to no app: the front page, the accessibility statement and
the privacy page."""

import sys

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.defaults import server_error as django_server_error

from caching.keys import query_parameters

from .logging_filters import DATABASE_ERRORS


def home(request):
    District = apps.get_model("districts", "District")
    districts = District.objects.with_institution_count().order_by("name")
    return render(request, "pages/home.html", {"districts": districts})


def accessibility_statement(request):
    """The portal's own statement, or, once the municipality has published the official
    one in the Agency for Digitisation's tool (``WAS_URL``), a redirect there: /was is
    the short address the rules give, and there must be one statement, not two."""
    if settings.WAS_URL:
        return HttpResponseRedirect(settings.WAS_URL)
    return render(request, "pages/accessibility_statement.html")


def privacy(request):
    return render(request, "pages/privacy.html")


@query_parameters("q")
def search_page(request):
    from .forms_search import SearchForm
    from .search import MAX_QUERY_LENGTH, search

    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    groups, suggestions = search(query, request) if query else ([], [])
    context = {
        # Not "query": the header's search box (search_tags) stays empty, so the header is
        # the same for every search and kept once ({% keep "header" request.path query %})
        # rather than rendered for each new query; the page's own box (plain HTML, no
        # form library: it is rendered on every search) keeps the query.
        "search_query": query,
        "max_length": MAX_QUERY_LENGTH,
        "groups": groups,
        "suggestions": suggestions,
    }
    return render(request, "pages/search.html", context)


def server_error(request):
    """The 500 page, or the 503 page with Retry-After while the database is unreachable:
    a visitor then learns it is temporary, and a load balancer can retry elsewhere."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_ERRORS):
        response = render(request, "503.html", status=503)
        response["Retry-After"] = str(settings.OUTAGE_RETRY_AFTER)
        return response
    return django_server_error(request)


@never_cache
def healthz(request):
    """Liveness for the load balancer: the process answers. Touches no database."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def readyz(request):
    """Readiness: the database answers, so this instance can serve pages."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DATABASE_ERRORS:
        response = HttpResponse("database unavailable", content_type="text/plain", status=503)
        response["Retry-After"] = str(settings.OUTAGE_RETRY_AFTER)
        return response
    return HttpResponse("ok", content_type="text/plain")
