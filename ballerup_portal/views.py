"""Site-wide pages that belong to no app: the front page and the accessibility statement."""

from django.apps import apps
from django.conf import settings
from django.shortcuts import render


def home(request):
    District = apps.get_model("districts", "District")
    districts = District.objects.with_institution_count().order_by("name")
    return render(request, "pages/home.html", {"districts": districts})


def accessibility_statement(request):
    return render(
        request,
        "pages/accessibility_statement.html",
        {"contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL},
    )
