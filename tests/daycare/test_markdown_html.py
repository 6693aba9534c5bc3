"""The daycare texts' HTML is stored by every save (``MarkdownHTMLField``), so the pages
render no Markdown per request. It must always be what ``core.text`` makes of the text:
after the seed, an administrator's edit, a version restored from the history and a raw
save; and a change to ``core.text`` must come with a data migration (the first test
says so when the stored HTML no longer matches)."""

import pytest
from django.core import serializers

from core.text import render_markdown, render_markdown_inline
from daycare.models import Bullet, DaycareAbout, Document, Partner, Section
from daycare.models.fields import MarkdownHTMLField
from tests.admin_forms import form_data
from tests.conftest import admin_url, login

pytestmark = pytest.mark.usefixtures("demo")

MODELS = (DaycareAbout, Partner, Document, Section, Bullet)


def html_fields(model):
    return [field for field in model._meta.fields if isinstance(field, MarkdownHTMLField)]


def fresh(field, text):
    if field.inline:
        return str(render_markdown_inline(text))
    return str(render_markdown(text, field.top_level))


def mismatches():
    found = []
    for model in MODELS:
        for row in model.objects.all():
            for field in html_fields(model):
                if getattr(row, field.attname) != fresh(field, getattr(row, field.source)):
                    found.append(f"{model.__name__} {row.pk} {field.name}")
    return found


def test_every_stored_html_is_what_core_text_makes_of_its_text():
    assert all(html_fields(model) for model in MODELS)
    assert Bullet.objects.exclude(text_html="").exists()  # the seed's texts have HTML
    # If this fails after a change to core.text: add a migration that stores the HTML
    # again (as daycare/migrations/0007_content_html.py does).
    assert mismatches() == []


def test_an_edit_a_restored_version_and_a_raw_save_make_the_html_again(client):
    login(client, "admin")
    section = Section.objects.exclude(text="").first()
    first = section.history.first()
    form = form_data(client.get(admin_url(section)))
    response = client.post(admin_url(section), form | {"text": "Nu med **fed** tekst."})
    assert response.status_code == 302, response.content.decode()[:2000]
    section.refresh_from_db()
    assert section.text_html == "<p>Nu med <strong>fed</strong> tekst.</p>\n"
    page = client.get("/dagtilbud/vision/").content.decode()
    assert "Nu med <strong>fed</strong> tekst." in page

    restore = admin_url(section, f"history/{first.history_id}")
    response = client.post(restore, form_data(client.get(restore)))
    assert response.status_code == 302, response.content.decode()[:2000]
    section.refresh_from_db()
    assert section.text == first.text and "fed" not in section.text_html
    assert mismatches() == []

    # As ``load_seed`` saves a row with forward references: a raw save.
    bullet = Bullet.objects.first()
    bullet.text = "Med et [link](https://example.org) og <script>."
    (item,) = serializers.deserialize("json", serializers.serialize("json", [bullet]))
    item.save()
    bullet.refresh_from_db()
    assert '<a href="https://example.org" rel="noopener noreferrer">link</a>' in bullet.text_html
    assert "<script>" not in bullet.text_html
    assert mismatches() == []


def test_the_html_is_not_in_the_history_and_reads_back_as_safe():
    section = Section.objects.exclude(text="").first()
    historical = {field.name for field in section.history.model._meta.fields}
    assert "text" in historical and "text_html" not in historical
    assert Section.objects.values_list("text_html", flat=True).first().__html__()
