"""Uploaded files live in whatever storage the configuration names: the local folder for
one server, S3-compatible object storage (django-storages) for several."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.http import FileResponse

from tests.portal.test_settings import manage

IN_MEMORY = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


@pytest.fixture
def remote_storage(settings):
    settings.STORAGES = IN_MEMORY
    yield default_storage


def test_an_upload_and_its_download_go_through_a_non_local_storage(remote_storage, settings):
    pdf = b"%PDF-1.4\n% tilsynsrapport\n%%EOF\n"
    name = remote_storage.save("tilsyn/rapport æøå.pdf", ContentFile(pdf))
    assert type(storages["default"]).__name__ == "InMemoryStorage"
    # The download path: a view streams the stored file through default_storage.
    response = FileResponse(remote_storage.open(name), filename="rapport.pdf")
    assert b"".join(response.streaming_content) == pdf
    assert response["Content-Disposition"] == 'inline; filename="rapport.pdf"'
    # A second upload under the same name never overwrites the first.
    other = remote_storage.save("tilsyn/rapport æøå.pdf", ContentFile(b"%PDF-1.4\nandet"))
    assert other != name
    assert remote_storage.open(name).read() == pdf
    remote_storage.delete(name)
    assert not remote_storage.exists(name)


@pytest.mark.system
def test_the_configuration_selects_s3_storage_for_several_servers():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.STORAGES['default']['BACKEND'],"
        " settings.AWS_S3_ENDPOINT_URL)",
        AWS_STORAGE_BUCKET_NAME="ballerup-uploads",
        AWS_S3_ENDPOINT_URL="https://s3.example.invalid",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == [
        "storages.backends.s3.S3Storage",
        "https://s3.example.invalid",
    ]
