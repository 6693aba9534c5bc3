"""Health checks for the load balancer: liveness (``/healthz``) and readiness (``/readyz``)."""

from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache

from .logging_filters import DATABASE_ERRORS


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
