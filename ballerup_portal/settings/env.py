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
                f"Miljøvariablen {name} skal være sat (se .env.example og README.md)."
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


def env_int(name: str, default: int) -> int:
    value = env(name, "")
    if value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"Miljøvariablen {name} skal være et heltal.") from exc


def env_list(name: str, default=_REQUIRED) -> list[str]:
    value = env(name, default if default is _REQUIRED else ",".join(default))
    return [item.strip() for item in value.split(",") if item.strip()]
