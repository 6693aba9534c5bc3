"""LIX on save (issue 24.6): the number and, above 45, a friendly note; never a refusal."""

import pytest

from core.readability import lix
from culture.models import Event
from tests.admin_forms import form_data
from tests.conftest import admin_url, login

EASY = " ".join(["Vi går i skoven. Der er mange træer. Børnene leger og synger."] * 5)
HARD = " ".join(
    [
        "Kommunalbestyrelsens beslutningsgrundlag vedrørende dagtilbudsområdets "
        "organisationsstruktur blev efterfølgende præsenteret for forældrebestyrelserne "
        "i samtlige distrikter, hvorefter implementeringen påbegyndtes."
    ]
    * 3
)


def test_lix_by_hand():
    # 9 words, 2 sentences, 1 long word (sætning): 4.5 + 11.1.
    assert lix("Dette er en kort sætning. Her er en til.") == (16, 9)
    # A list item or a heading ends a sentence; Markdown marks and link targets do not count.
    assert lix("- **Punkt** et\n- Punkt to\n# Overskrift\nTekst [link](https://x.dk) her.") == (
        14,
        8,
    )
    assert lix("") == (None, 0)


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize(
    ("text", "expected", "unexpected"),
    [
        (HARD, "»Beskrivelse« har LIX", "(middel)"),
        (EASY, "»Beskrivelse« har LIX", "Forældre læser lettere"),
        ("Kort.", None, "LIX"),
    ],
)
def test_saving_a_description_tells_its_lix_and_always_saves(client, text, expected, unexpected):
    login(client, "kultur-baltorp")
    event = Event.objects.filter(network__district__slug="baltorp").first()
    page = client.get(admin_url(event))
    response = client.post(admin_url(event), form_data(page) | {"description": text}, follow=True)
    shown = response.content.decode()
    event.refresh_from_db()
    assert event.description == text
    if expected:
        assert expected in shown
    assert unexpected not in shown
    if text == HARD:
        assert "Forældre læser lettere korte sætninger og korte ord" in shown
        assert "(meget svær)" in shown
