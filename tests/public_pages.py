"""Every public page type, by name: the one list the cross-cutting tests (headers, caching,
axe, the HTML checker, screenshots) read. A new page is covered by adding it here."""

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
