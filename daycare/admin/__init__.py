"""The daycare section's admin, one module per feature."""

from . import inspection  # noqa: F401
