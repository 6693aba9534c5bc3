"""The daycare section's models, one module per feature: closing days, inspection reports,
and the section's content (about, organisation, partners, vision)."""

from .closing_days import AlternativeCare, ClosingDay, ClosingDayRule  # noqa: F401
from .content import Bullet, DaycareAbout, Document, Partner, Profession, Section  # noqa: F401
from .inspection import InspectionReport  # noqa: F401
