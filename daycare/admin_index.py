from django.utils.translation import gettext_lazy as _

from accounts.admin_index import add, register_group

register_group("lukkedage", _("Lukkedage og alternativ pasning"), 10)
add(
    "lukkedage",
    ["daycare.ClosingDay", "daycare.AlternativeCare", "daycare.ClosingDayRule"],
    [
        (
            _("Foreslå lukkedage for et år"),
            "admin:daycare_closingday_propose",
            "daycare.add_closingday",
        ),
        (
            _("Alternativ pasning på alle kommende dage"),
            "admin:daycare_alternativecare_plan",
            "daycare.change_alternativecare",
        ),
    ],
)
register_group("tilsyn", _("Tilsyn"), 20)
add(
    "tilsyn",
    ["daycare.InspectionReport"],
    [(_("Hvem skal have en rapport"), "admin:daycare_inspectionreport_due", None)],
)
register_group("tekster", _("Tekster om dagtilbud"), 60)
add(
    "tekster",
    ["daycare.DaycareAbout", "daycare.Section", "daycare.Document", "daycare.Partner"],
)
