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
