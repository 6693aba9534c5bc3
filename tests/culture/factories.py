"""factory_boy factories for the culture app's models (districts' are in
tests/districts/factories.py). A network belongs to a district: the seeded districts
each have one, so a new network comes with a new district."""

import datetime

import factory
from django.utils import timezone

from culture.constants import MeetingKind, ProjectStatus
from culture.models import Event, Meeting, Network, Project
from tests.districts.factories import DistrictFactory


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    district = factory.SubFactory(DistrictFactory)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Forestilling {n}")
    venue = "Salen"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    network = factory.SubFactory(NetworkFactory)
    kind = MeetingKind.NETWORK
    date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Projekt {n}")
    status = ProjectStatus.PLANNED
