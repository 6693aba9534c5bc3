"""Addresses that differ only in case were two subscribers (one parent, every notice
twice): migration 0004 merges them into one, in lower case, with every choice either
had."""

import pytest

BEFORE = [("notify", "0003_subscriber_choices_version")]
AFTER = [("notify", "0004_lower_case_addresses")]


@pytest.mark.django_db(transaction=True)
def test_subscribers_differing_only_in_case_become_one_with_all_their_choices(seed, migrating):
    migrate = migrating
    from django.utils import timezone

    from districts.models import District

    old = migrate(BEFORE)
    Subscriber = old.get_model("notify", "Subscriber")
    Subscription = old.get_model("notify", "Subscription")
    first, second = District.objects.order_by("pk")[:2]
    now = timezone.now()
    lower = Subscriber.objects.create(email="mette@example.dk", confirmed_at=now, secret="a")
    upper = Subscriber.objects.create(email="Mette@Example.dk", confirmed_at=now, secret="b")
    pending = Subscriber.objects.create(email="METTE@example.dk", secret="c")
    alone = Subscriber.objects.create(email="Ole@Example.dk", confirmed_at=now, secret="d")
    for subscriber, district in [(lower, first), (upper, first), (upper, second), (alone, first)]:
        Subscription.objects.create(
            subscriber=subscriber, topic="lukkedage", district_id=district.pk
        )

    new = migrate(AFTER)
    Subscriber = new.get_model("notify", "Subscriber")
    emails = sorted(Subscriber.objects.values_list("email", flat=True))
    assert emails == ["mette@example.dk", "ole@example.dk"]
    mette = Subscriber.objects.get(email="mette@example.dk")
    assert mette.pk == lower.pk and mette.confirmed_at is not None
    places = sorted(mette.subscriptions.values_list("district_id", flat=True))
    assert places == sorted([first.pk, second.pk])
    assert not Subscriber.objects.filter(pk=pending.pk).exists()


MINUTES_BEFORE = [("notify", "0004_lower_case_addresses")]
MINUTES_AFTER = [("notify", "0007_subscription_names_its_place")]


@pytest.mark.django_db(transaction=True)
def test_a_districts_minutes_become_its_boards_with_every_other_choice_kept(seed, migrating):
    """0005–0007: minutes are a board's. Every subscription to a district's minutes
    becomes one to that district's board; nothing else changes, nobody loses a choice,
    and a district that had no board (every district has one, 001) gets it."""
    migrate = migrating
    from django.utils import timezone

    from districts.models import District, Institution
    from governance.models import Board

    old = migrate(MINUTES_BEFORE)
    Subscriber = old.get_model("notify", "Subscriber")
    Subscription = old.get_model("notify", "Subscription")
    OldDistrict = old.get_model("districts", "District")
    hedegaard = District.objects.get(slug="hedegaard")
    baltorp = District.objects.get(slug="baltorp")
    valhalla = Institution.objects.get(slug="boernehuset-valhalla")
    # A district added without its board (no signal runs here).
    bare = OldDistrict.objects.create(name="Uden Bestyrelse", slug="uden-bestyrelse")
    # A board without a district that happens to hold the address the new board would get.
    Board.objects.create(name="Et andet råd", slug=f"distrikt-{bare.pk}")
    now = timezone.now()
    mette = Subscriber.objects.create(email="mette@example.dk", confirmed_at=now, secret="a")
    ole = Subscriber.objects.create(email="ole@example.dk", secret="b")  # not confirmed yet
    for subscriber, topic, place in [
        (mette, "lukkedage", {"district_id": hedegaard.pk}),
        (mette, "referater", {"district_id": hedegaard.pk}),
        (mette, "referater", {"district_id": baltorp.pk}),
        (mette, "tilsyn", {"house_id": valhalla.pk}),
        (ole, "referater", {"district_id": hedegaard.pk}),
        (ole, "referater", {"district_id": bare.pk}),
    ]:
        Subscription.objects.create(subscriber=subscriber, topic=topic, **place)

    new = migrate(MINUTES_AFTER)
    Subscription = new.get_model("notify", "Subscription")
    bare_board = Board.objects.get(district_id=bare.pk)
    assert bare_board.name == "Forældrebestyrelsen i distrikt Uden Bestyrelse"

    def choices(subscriber):
        rows = Subscription.objects.filter(subscriber_id=subscriber.pk)
        return sorted(rows.values_list("topic", "district_id", "house_id", "board_id"))

    assert choices(mette) == sorted(
        [
            ("lukkedage", hedegaard.pk, None, None),
            ("referater", None, None, hedegaard.parent_board.pk),
            ("referater", None, None, baltorp.parent_board.pk),
            ("tilsyn", None, valhalla.pk, None),
        ]
    )
    assert choices(ole) == sorted(
        [
            ("referater", None, None, hedegaard.parent_board.pk),
            ("referater", None, None, bare_board.pk),
        ]
    )
    assert Subscription.objects.count() == 6

    # Back: a district's board's minutes are the district's again; Dagplejen's own
    # board's had no place before and go.
    own = Board.objects.get(slug="dagplejen", district=None)
    Subscription.objects.create(subscriber_id=mette.pk, topic="referater", board_id=own.pk)
    old = migrate(MINUTES_BEFORE)
    Subscription = old.get_model("notify", "Subscription")
    rows = Subscription.objects.filter(subscriber_id=mette.pk)
    assert sorted(rows.values_list("topic", "district_id", "house_id")) == sorted(
        [
            ("lukkedage", hedegaard.pk, None),
            ("referater", hedegaard.pk, None),
            ("referater", baltorp.pk, None),
            ("tilsyn", None, valhalla.pk),
        ]
    )
