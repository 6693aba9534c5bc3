from django.urls import path
from django.views.generic import RedirectView

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("was", views.accessibility_statement, name="accessibility_statement"),
    path("was/", RedirectView.as_view(pattern_name="accessibility_statement", permanent=True)),
    path("privatliv", views.privacy, name="privacy"),
    path("privatliv/", RedirectView.as_view(pattern_name="privacy", permanent=True)),
]
