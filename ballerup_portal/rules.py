"""The site settings are administrators' only: nobody else may change or see them in the
admin (the public sees them on every page)."""

from . import permissions
from .models import SiteSettings
from .permissions import NOTHING

permissions.register(SiteSettings, change=lambda user: NOTHING)
