from pages.front_page import register_section

from .models import District


def districts():
    return {"districts": District.objects.with_institution_count().order_by("name")}


register_section("districts/includes/front_page.html", districts, order=10)
