"""Every public page type, by name: the one list the cross-cutting tests (headers, caching,
axe, the HTML checker, screenshots) read. A new page is covered by adding it here; a new
feed or file in ``PUBLIC_FEEDS``, a page whose address carries a row's number in
``looked_up_pages``. The query-count tests (tests/test_query_counts.py) read all three."""

PUBLIC_PAGES = {
    "forside": "/",
    "distrikter": "/distrikter/",
    "distrikt": "/distrikter/baltorp/",
    "boernehus": "/institutioner/boernehuset-bispevangen/",
    "klub-syd": "/institutioner/klub-syd/",
    "dagplejen": "/institutioner/dagplejen/",
    "distriktsinstitution": "/institutioner/distriktsinstitutionen-rugvaenget/",
    "tilgaengelighed": "/was",
    "privatliv": "/privatliv",
    "lukkedage": "/lukkedage/",
    "lukkedage-distrikt": "/lukkedage/hedegaard/",
    "bestyrelse-dagplejen": "/bestyrelser/dagplejen/",
    "kultur": "/kultur/",
    "kulturnetvaerk": "/kultur/skovlunde/",
    "kulturforestillinger": "/kultur/skovvejen/forestillinger/",
    "tilsyn": "/tilsyn/",
    "bestyrelser": "/bestyrelser/",
    "bestyrelse": "/bestyrelser/hedegaard/",
    "institutioner": "/institutioner/",
    "institutioner-filter": "/institutioner/?type=dagtilbud",
    "soeg": "/soeg/?q=m%C3%A5l%C3%B8v",
    "soeg-intet": "/soeg/?q=%3Cscript%3Exyz",
    "dagtilbud": "/dagtilbud/",
    "organisering": "/dagtilbud/organisering/",
    "samarbejdspartnere": "/dagtilbud/samarbejdspartnere/",
    "vision": "/dagtilbud/vision/",
    "abonnement": "/abonnement/?distrikt=skovvejen",
    "404": "/findes-ikke/",
}

# The pages that exist (the 404 page is not cached, for one).
EXISTING_PAGES = {name: path for name, path in PUBLIC_PAGES.items() if name != "404"}

# The feeds and files parents fetch: not HTML pages (the HTML checks leave them out); the
# query-count tests (tests/test_query_counts.py) read them beside the pages.
PUBLIC_FEEDS = {
    "lukkedage-kalender": "/lukkedage.ics",
    "lukkedage-distrikt-kalender": "/lukkedage/hedegaard.ics",
    "kulturnetvaerk-kalender": "/kultur/skovlunde.ics",
    "seneste-tilsynsrapport": "/tilsyn/boernehuset-bispevangen/seneste.pdf",
}


LOOKED_UP = ("forestilling", "tilsynsrapport")


def looked_up_pages():
    """The public pages and files whose address carries a row's number: the demo data's
    (the seed and ``create_demo``), looked up in the database."""
    from bookings.models import Offer
    from daycare.models import InspectionReport

    offer = Offer.objects.filter(event__network__district__slug="skovvejen").earliest("pk")
    report = InspectionReport.objects.filter(unit__slug="boernehuset-bispevangen").earliest("pk")
    return {
        "forestilling": offer.get_absolute_url(),
        "tilsynsrapport": report.get_absolute_url(),
    }
