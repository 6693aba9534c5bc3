"""The one place that reads the process environment.

A variable without a default is required: start-up stops with a message that names it,
so a production server never runs on a silent fallback.
"""

import os

from django.core.exceptions import ImproperlyConfigured

_REQUIRED = object()


def env(name: str, default=_REQUIRED) -> str:
    value = os.environ.get(name)
    if value is None or value == "":
        if default is _REQUIRED:
            raise ImproperlyConfigured(
                f"Miljøvariablen {name} skal være sat (se .env.example og docs/operations.md)."
            )
        return default
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name, "")
    if value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on", "ja"}:
        return True
    if value.lower() in {"0", "false", "no", "off", "nej"}:
        return False
    raise ImproperlyConfigured(f"Miljøvariablen {name} skal være sand eller falsk, ikke {value!r}.")


def env_int(name: str, default: int, minimum: int | None = None) -> int:
    value = env(name, "")
    if value == "":
        return default
    try:
        number = int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"Miljøvariablen {name} skal være et heltal, ikke {value!r}."
        ) from exc
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(
            f"Miljøvariablen {name} skal være mindst {minimum}, ikke {number}."
        )
    return number


def env_float(name: str, default: float, minimum: float | None = None) -> float:
    value = env(name, "")
    if value == "":
        return default
    try:
        number = float(value)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"Miljøvariablen {name} skal være et tal (f.eks. 10 eller 2.5), ikke {value!r}."
        ) from exc
    if number != number or (minimum is not None and number < minimum):  # NaN too
        raise ImproperlyConfigured(
            f"Miljøvariablen {name} skal være mindst {minimum}, ikke {value!r}."
        )
    return number


def env_choice(name: str, default: str, choices) -> str:
    """One of ``choices`` (upper case), written in any case."""
    value = env(name, default).strip().upper()
    if value not in choices:
        raise ImproperlyConfigured(
            f"Miljøvariablen {name} skal være en af {', '.join(choices)}, ikke {value!r}."
        )
    return value


def env_https_url(name: str, default=_REQUIRED) -> str:
    """An address that starts with ``https://``; empty when the variable is unset and
    ``default`` is ``""``."""
    value = env(name, default).strip()
    if value and not (value.startswith("https://") and len(value) > len("https://")):
        raise ImproperlyConfigured(
            f"Miljøvariablen {name} skal være en adresse, der begynder med https://, "
            f"ikke {value!r}."
        )
    return value


def env_list(name: str, default=_REQUIRED) -> list[str]:
    value = env(name, default if default is _REQUIRED else ",".join(default))
    return [item.strip() for item in value.split(",") if item.strip()]
