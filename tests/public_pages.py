"""Every public page type, by name: the pages the browser and HTML checks visit."""

PUBLIC_PAGES = {
    "forside": "/",
    "distrikter": "/distrikter/",
    "distrikt": "/distrikter/baltorp/",
    "boernehus": "/institutioner/boernehuset-bispevangen/",
    "klub-syd": "/institutioner/klub-syd/",
    "dagplejen": "/institutioner/dagplejen/",
    "tilgaengelighed": "/was",
    "404": "/findes-ikke/",
}
