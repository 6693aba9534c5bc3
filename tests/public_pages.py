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
    "referater": "/bestyrelser/hedegaard/referater/",
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


# The calendar feeds: public too, and loaded by calendar programs on a timer.
FEEDS = {
    "lukkedage.ics": "/lukkedage.ics",
    "lukkedage-distrikt.ics": "/lukkedage/hedegaard.ics",
    "kulturnetvaerk.ics": "/kultur/skovlunde.ics",
}

# What `make bench` loads (scripts/bench.py; tests/caching/test_bench_pages.py checks that
# every public address of the URL conf is among them).
BENCH_PAGES = {**EXISTING_PAGES, **FEEDS}

# Public addresses the benchmark finds in its database, not here (a performance's pk).
BENCH_FROM_DATABASE = {"bookings:offer_detail"}

# Addresses of the URL conf that are not public pages, and why.
NOT_PUBLIC_PAGES = {
    "healthz": "the load balancer's health check",
    "readyz": "the load balancer's readiness check",
    "daycare:inspection_report_file": "an uploaded PDF, streamed",
    "daycare:latest_inspection_report": "an uploaded PDF, streamed",
    "governance:bylaws_file": "an uploaded PDF, streamed",
    "notify:confirm": "a parent's own link from an e-mail",
    "notify:manage": "a parent's own link from an e-mail",
    "notify:unsubscribe": "a parent's own link from an e-mail",
    "notify:digest_settings": "staff only",
    "notify:digest_off": "a staff member's own link from an e-mail",
    "bookings:book": "staff only (an institution books)",
    "bookings:our_bookings": "staff only",
    "bookings:cancel_own": "staff only",
    "bookings:evaluate": "staff only",
    "bookings:renew_feed": "staff only",
    "bookings:calendar_feed": "an institution's own secret feed address",
    "bookings:network_overview": "staff only",
    "bookings:offer_bookings": "staff only",
    "bookings:attendance_list": "staff only",
    "bookings:attendance_csv": "staff only",
    "bookings:network_cancel": "staff only",
    "bookings:network_move": "staff only",
}
