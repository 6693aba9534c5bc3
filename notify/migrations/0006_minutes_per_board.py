"""Every subscription to a district's minutes becomes one to that district's board
(``Board.district`` is one to one), with the subscriber's other choices as they were: no
parent loses a notice. A district without its board (every district has one, 001) gets
it here, as ``governance.models.ensure_district_board`` gives it to a new district.

Back: a district board's subscriptions become its district's again; those to a board
without a district (Dagplejen's own) had no place before and are deleted."""

from django.db import migrations

MINUTES = "referater"


def to_boards(apps, schema_editor):
    Subscription = apps.get_model("notify", "Subscription")
    Board = apps.get_model("governance", "Board")
    District = apps.get_model("districts", "District")
    minutes = Subscription.objects.filter(topic=MINUTES, district__isnull=False)
    district_ids = set(minutes.values_list("district_id", flat=True))
    if not district_ids:
        return
    boards = dict(
        Board.objects.filter(district__in=district_ids).values_list("district_id", "pk")
    )
    max_length = Board._meta.get_field("name").max_length
    for district in District.objects.filter(pk__in=district_ids - boards.keys()):
        name = f"Forældrebestyrelsen i distrikt {district.name}"
        if len(name) > max_length or Board.objects.filter(name=name).exists():
            suffix = f" ({district.pk})"
            name = name[: max_length - len(suffix)] + suffix
        slug, n = f"distrikt-{district.pk}", 1
        while Board.objects.filter(slug=slug).exists():  # a board without a district has it
            n += 1
            slug = f"distrikt-{district.pk}-{n}"
        board = Board.objects.create(district=district, name=name, slug=slug)
        boards[district.pk] = board.pk
    for district_id, board_id in boards.items():
        minutes.filter(district_id=district_id).update(board_id=board_id, district_id=None)


def to_districts(apps, schema_editor):
    Subscription = apps.get_model("notify", "Subscription")
    Board = apps.get_model("governance", "Board")
    minutes = Subscription.objects.filter(topic=MINUTES, board__isnull=False)
    districts = dict(
        Board.objects.filter(district__isnull=False).values_list("pk", "district_id")
    )
    for board_id, district_id in districts.items():
        minutes.filter(board_id=board_id).update(district_id=district_id, board_id=None)
    minutes.filter(district__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("districts", "0008_merge_0007_culture_contact_role_0007_danish_names"),
        ("governance", "0007_minutes_never_go_with_their_board"),
        ("notify", "0005_subscription_board"),
    ]

    operations = [migrations.RunPython(to_boards, to_districts)]
