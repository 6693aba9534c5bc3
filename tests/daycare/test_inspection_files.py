"""core.files: the Content-Disposition of a served file, for nasty names too."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404

from core.files import content_disposition, serve_stored_file

# Changing a setting may reach the database through receivers of other apps.
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    [
        "Tilsyn Børnehuset Ålholm.pdf",
        "🙂🙂.pdf",
        '<script>"x"</script>.pdf',
        "../../etc/passwd",
        "a\r\nSet-Cookie: x=1.pdf",
        "x" * 10_000,
    ],
)
def test_disposition_is_clean_ascii_with_utf8_name(name):
    header = content_disposition(name)
    assert header.isascii() and "\r" not in header and "\n" not in header
    ascii_part = header.split('filename="', 1)[1].split('"', 1)[0]
    assert ascii_part and "/" not in ascii_part and not ascii_part.startswith(".")
    assert len(header) < 1000
    assert "filename*=UTF-8''" in header


def test_danish_letters_are_spelled_out_in_the_ascii_name():
    assert 'filename="Tilsyn-Boernehuset-Aalholm.pdf"' in content_disposition(
        "Tilsyn Børnehuset Ålholm.pdf"
    )


def test_missing_file_is_404(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(Http404):
        serve_stored_file("tilsyn/findes-ikke.pdf", "x.pdf")
    with pytest.raises(Http404):
        serve_stored_file("", "x.pdf")


def test_served_file_headers(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    name = default_storage.save("tilsyn/a.pdf", ContentFile(b"%PDF-1.4 test"))
    response = serve_stored_file(name, "Rapport æ.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "public, no-cache"
    assert response["ETag"].startswith('"')
    response.close()
