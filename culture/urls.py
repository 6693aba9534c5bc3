from django.urls import path

from . import views

app_name = "culture"

urlpatterns = [
    path("kultur/", views.service, name="service"),
    path("kultur/<slug:slug>/", views.network_detail, name="network_detail"),
    path("kultur/<slug:slug>.ics", views.network_feed, name="network_feed"),
]
