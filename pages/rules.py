"""The site settings are administrators' only: nobody else may change or see them in the
admin (the public sees them on every page)."""

from core import permissions
from core.permissions import NOTHING

from .models import SiteSettings

permissions.register(SiteSettings, change=lambda user: NOTHING)
