"""``ContentVersion`` moved from ``ballerup_portal`` to ``caching`` without losing its table,
its row or its content type (issue 22.2): a database migrated by the code before the move
keeps them."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection

BEFORE = [("ballerup_portal", "0005_merge_content_version_danish_names"), ("caching", None)]
AFTER = [("ballerup_portal", "0006_content_version_moves_to_caching"), ("caching", "0001_initial")]


@pytest.mark.django_db(transaction=True)
def test_the_row_the_table_and_the_content_type_survive_the_move(migrating):
    migrate = migrating
    migrate(BEFORE)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM ballerup_portal_contentversion")
        cursor.execute(
            "INSERT INTO ballerup_portal_contentversion (id, value) VALUES (1, 'from-main')"
        )
    ContentType.objects.filter(model="contentversion").delete()
    old = ContentType.objects.create(app_label="ballerup_portal", model="contentversion")

    migrate(AFTER)

    from caching.models import ContentVersion

    assert list(ContentVersion.objects.values_list("pk", "value")) == [(1, "from-main")]
    moved = ContentType.objects.get(model="contentversion")
    assert (moved.pk, moved.app_label) == (old.pk, "caching")
    ContentType.objects.clear_cache()
