"""The daycare section's pages in the site search, found by their titles and the words
parents use for them (no query: a search's query budget goes to the institutions)."""

from django.utils.translation import gettext_lazy as _

from search import engine as search

search.register_page(
    "daycare:about",
    _("Dagtilbud i Ballerup Kommune"),
    _("om os dagtilbud børnehuse dagpleje dagplejere vuggestue børnehave"),
)
search.register_page(
    "daycare:organisation",
    _("Vores organisering"),
    _("organisation ledelse leder distriktsleder pædagogisk leder"),
)
search.register_page(
    "daycare:partners",
    _("Vi samarbejder med hinanden"),
    _(
        "samarbejdspartnere partnere sundhedsplejen sundhedsplejerske ppr pædagogisk "
        "psykologisk rådgivning psykolog logopæd talepædagog fysioterapeut skolestart"
    ),
)
search.register_page(
    "daycare:vision",
    _("Vision: Dagtilbud med mening"),
    _("vision strategi børne- og ungestrategi fællesskab for alle alle i fællesskab"),
)
search.register_page(
    "daycare:closing_days",
    _("Lukkedage i dagtilbud"),
    _("lukkedage lukket ferie jul påske sommer alternativ pasning kalender"),
)
search.register_page(
    "daycare:inspection_reports",
    _("Tilsynsrapporter"),
    _("tilsyn tilsynsrapport tilsynsnotat"),
)
