"""core.danish: the one place Danish letters are spelled out, folded and
sorted; no other module of the portal keeps a mapping of its own."""

import re
from pathlib import Path

from django.conf import settings

from core import danish
from core.files import content_disposition
from districts.models import District


def test_letters_are_spelled_out_in_addresses_and_file_names():
    assert danish.slugify("Måløvhøj Skole") == "maaloevhoej-skole"
    assert danish.slugify("ÆBLEHAVEN Ø") == "aeblehaven-oe"
    assert danish.ascii_text("Ålholm, Café Ærø") == "Aalholm, Cafe Aeroe"
    assert 'filename="Tilsyn-Aeroe-Oestergaard.pdf"' in content_disposition(
        "Tilsyn Ærø Østergård.pdf"
    )
    assert District(name="Måløvhøj").slug_from_name() == "maaloevhoej"


def test_search_folds_the_ways_a_name_is_typed_to_one():
    typed = [
        "Børnehuset Måløv By",
        "bornehuset malov by",
        "Boernehuset Maaloev By",
        "BØRNEHUSET MÅLØV-BY",
    ]
    assert {danish.fold(text) for text in typed} == {"bornehusetmalovby"}
    assert danish.fold("Café Müller") == danish.fold("cafe muller")


def test_danish_alphabetical_order_puts_the_three_letters_after_z():
    names = ["Åby", "Zoo", "Ølby", "Æble", "abe"]
    assert sorted(names, key=danish.sort_key) == ["abe", "Zoo", "Æble", "Ølby", "Åby"]


def test_no_other_module_keeps_its_own_mapping_of_danish_letters():
    mapping = re.compile(r"""["'][æøåÆØÅ]["']\s*[:,]\s*["']""")
    root = Path(settings.BASE_DIR)
    apps = [p for p in root.iterdir() if (p / "__init__.py").exists() or (p / "apps.py").exists()]
    found = [
        str(path.relative_to(root))
        for app in apps
        for path in app.rglob("*.py")
        if "migrations" not in path.parts
        and path.name != "danish.py"
        and mapping.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_accented_letters_sort_and_are_listed_with_their_base_letter():
    names = ["Éventyrhuset", "Fisken", "Egebo", "Åbyen", "Zulu", "Ørnehøj", "Ærø", "Über"]
    assert sorted(names, key=danish.sort_key) == [
        "Egebo", "Éventyrhuset", "Fisken", "Über", "Zulu", "Ærø", "Ørnehøj", "Åbyen"
    ]  # fmt: skip
    assert "".join(danish.initial(n) for n in names) == "EFEÅZØÆU"


def test_the_a_to_aa_list_puts_an_accented_name_under_its_base_letter(client, demo):
    from districts.models import Institution

    Institution.objects.create(name="Éventyrhuset", institution_type="boernehus")
    page = client.get("/institutioner/").content.decode()
    after_e = page[page.index('class="h4">E</h2>') :]
    assert "Éventyrhuset" in after_e[: after_e.index('class="h4">', 10)]
    assert 'class="h4">É</h2>' not in page
