"""The two ends of tests/portal/test_split_migration.py, each in its own process on the
database ``DATABASE_URL`` names: ``python -m tests.portal.split_migration_steps before``
builds the database as today's ``main`` left it (the project package holding the account
history and the site settings) with rows in every moved model; ``after`` (once
``manage.py migrate`` has run) reads them back. Both print JSON."""

import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ballerup_portal.settings.test")

import django  # noqa: E402

# The project package's last migration before the split (the page cache moved to `caching`
# at the same time, so that app is left out of the "before" database too).
PRE_SPLIT = ("ballerup_portal", "0005_merge_content_version_danish_names")
NEW_APPS = ("accounts", "pages")
# Model (lower case) → the app it moved to.
MOVED = {
    "historicaluser": "accounts",
    "historicaluser_groups": "accounts",
    "historicalgroup": "accounts",
    "historicalgroup_permissions": "accounts",
    "sitesettings": "pages",
    "historicalsitesettings": "pages",
}
# Tables simple-history names after the app: renamed by accounts/migrations/0001.
RENAMED = {
    "ballerup_portal_historicaluser_groups": "accounts_historicaluser_groups",
    "ballerup_portal_historicalgroup_permissions": "accounts_historicalgroup_permissions",
}
# Tables the migration itself writes to: the migration log, and the content types and
# permissions ``migrate`` adds for every app (checked row by row below).
WRITTEN_BY_MIGRATE = {"django_migrations", "django_content_type", "auth_permission"}


def row_counts():
    from django.db import connection

    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def before():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from django.utils import timezone

    executor = MigrationExecutor(connection)
    targets = [
        node
        for node in executor.loader.graph.leaf_nodes()
        if node[0] not in (*NEW_APPS, "caching", PRE_SPLIT[0])
    ] + [PRE_SPLIT]
    executor.migrate(targets)
    apps = executor.loader.project_state(targets).apps
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # The content types and default permissions main's ``migrate`` made.
    content_types = {}
    for model in MOVED:
        ct = ContentType.objects.create(app_label="ballerup_portal", model=model)
        content_types[model] = ct.pk
        for action in ("add", "change", "delete", "view"):
            Permission.objects.create(
                content_type=ct, codename=f"{action}_{model}", name=f"Can {action} {model}"
            )
    now = timezone.now()
    User = apps.get_model("auth", "User")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.create(name="Administrator-test")
    change = Permission.objects.get(
        content_type_id=content_types["sitesettings"], codename="change_sitesettings"
    )
    group.permissions.add(change)
    user = User.objects.create(username="ida", is_staff=True, is_active=True)
    user.groups.add(group)

    def history(model, **fields):
        return apps.get_model("ballerup_portal", model).objects.create(
            history_date=now, history_type="+", history_change_reason="før delingen", **fields
        )

    history_user = history(
        "HistoricalUser", id=user.pk, username="ida", is_staff=True, date_joined=now
    )
    history("HistoricalGroup", id=group.pk, name=group.name)
    apps.get_model("ballerup_portal", "HistoricalUser_groups").objects.create(
        id=User.groups.through.objects.get(user=user).pk,
        history=history_user,
        user=user,
        group=group,
    )
    apps.get_model("ballerup_portal", "HistoricalGroup_permissions").objects.create(
        id=Group.permissions.through.objects.get(group=group).pk,
        history_id=apps.get_model("ballerup_portal", "HistoricalGroup").objects.get().pk,
        group=group,
        permission=change,
    )
    row = apps.get_model("ballerup_portal", "SiteSettings").objects.create(
        phone="44 77 00 00", email="borgerservice@ballerup.dk"
    )
    history("HistoricalSiteSettings", id=row.pk, phone="44 77 00 00")
    apps.get_model("admin", "LogEntry").objects.create(
        action_time=now,
        user=user,
        content_type_id=content_types["sitesettings"],
        object_id=str(row.pk),
        object_repr="Kontaktoplysninger",
        action_flag=2,
        change_message="[]",
    )
    print(
        json.dumps(
            {
                "content_types": content_types,
                "counts": row_counts(),
                "user": user.pk,
                "group": group.pk,
                "permission": change.pk,
                "site_settings": row.pk,
            }
        )
    )


def after():
    from django.contrib.admin.models import LogEntry
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    from pages.models import SiteSettings

    User = get_user_model()
    user = User.objects.get(username="ida")
    group = Group.objects.get(name="Administrator-test")
    row = SiteSettings.objects.get()
    entry = LogEntry.objects.get(object_repr="Kontaktoplysninger")
    print(
        json.dumps(
            {
                "content_types": {
                    f"{ct.app_label}.{ct.model}": ct.pk
                    for ct in ContentType.objects.filter(model__in=MOVED)
                },
                "permissions_of_moved_models": sorted(
                    f"{p.content_type.app_label}.{p.codename}"
                    for p in Permission.objects.filter(content_type__model__in=MOVED)
                ),
                "group_permissions": sorted(
                    f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()
                ),
                "user_may_change_site_settings": user.has_perm("pages.change_sitesettings"),
                "counts": row_counts(),
                "site_settings": [row.pk, row.phone, row.email],
                "site_settings_history": list(row.history.values_list("phone", flat=True)),
                "user_history": [
                    [h.username, [g.group_id for g in h.groups.all()]] for h in user.history.all()
                ],
                "group_history": [
                    [h.name, [p.permission_id for p in h.permissions.all()]]
                    for h in group.history.all()
                ],
                "log_entry": [
                    entry.content_type.app_label,
                    entry.content_type.model,
                    str(type(entry.get_edited_object()).__name__),
                ],
            }
        )
    )


if __name__ == "__main__":
    django.setup()
    {"before": before, "after": after}[sys.argv[1]]()
