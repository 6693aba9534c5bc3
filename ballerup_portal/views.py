"""Site-wide pages that belong to no app."""

from django.conf import settings
from django.shortcuts import render


def accessibility_statement(request):
    return render(
        request,
        "pages/accessibility_statement.html",
        {"contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL},
    )
