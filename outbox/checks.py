"""System check: ``DEFAULT_FROM_EMAIL`` must be a sender Django's mail can write (an
unquoted comma in the display name splits it into two addresses). Without it every mail
would wait in the outbox (``outbox.sending``); ``manage.py check --deploy`` names it
before the first one is made."""

from django.core import checks


@checks.register(checks.Tags.compatibility)
def sender_can_be_written(app_configs=None, **kwargs):
    from .sending import sender_error

    problem = sender_error()
    if not problem:
        return []
    return [
        checks.Error(
            f"DEFAULT_FROM_EMAIL kan ikke bruges som afsender: {problem}.",
            hint=(
                'Sæt navnet i anførselstegn, f.eks. "Ballerup Kommune, Børn" <noreply@ballerup.dk>.'
            ),
            id="outbox.E001",
        )
    ]
