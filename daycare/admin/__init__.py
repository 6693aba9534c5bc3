"""The daycare section's admin, one module per feature."""

from . import (
    closing_days,  # noqa: F401
    content,  # noqa: F401
    inspection,  # noqa: F401
)
