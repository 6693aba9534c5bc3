"""Site-wide pages that belong to no app."""

from django.shortcuts import render


def accessibility_statement(request):
    return render(request, "pages/accessibility_statement.html")
