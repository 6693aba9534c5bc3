from django.urls import path

from . import views

app_name = "districts"

urlpatterns = [
    path("distrikter/", views.district_list, name="district_list"),
    path("distrikter/<slug:slug>/", views.district_detail, name="district_detail"),
    path("institutioner/", views.institution_list, name="institution_list"),
    path("institutioner/<slug:slug>/", views.institution_detail, name="institution_detail"),
]
