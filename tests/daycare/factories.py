"""factory_boy factories for the daycare app."""

import datetime

import factory

from daycare.constants import PublicationStatus
from daycare.models import AlternativeCare, ClosingDay


class ClosingDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClosingDay

    # Weekdays from Monday 4 January 2027 on, one per factory call.
    date = factory.Sequence(
        lambda n: datetime.date(2027, 1, 4) + datetime.timedelta(days=7 * (n // 5) + n % 5)
    )
    name = factory.Sequence(lambda n: f"Lukkedag {n}")
    status = PublicationStatus.PUBLISHED


class AlternativeCareFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AlternativeCare
        skip_postgeneration_save = True

    closing_day = factory.SubFactory(ClosingDayFactory, alternative_care=True)

    @factory.post_generation
    def houses(self, create, extracted, **kwargs):
        if create and extracted:
            self.houses.set(extracted)
