"""The daycare section in the site search: its pages, and the partners by name."""

from django.utils.translation import gettext_lazy as _

from ballerup_portal import search

from .models import Partner


def partner(partner):
    title = str(partner.name)
    url = partner.get_absolute_url()
    return title, search.Result(title, url, str(_("Samarbejdspartner for dagtilbuddene")))


search.register(_("Samarbejdspartnere"), lambda: Partner.objects.all(), partner, order=5)

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
    _("samarbejdspartnere partnere sundhedspleje psykolog logopæd talepædagog fysioterapeut"),
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
