"""The pages the browser tests visit: every public page type and the admin staff use."""

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
