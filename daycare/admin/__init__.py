"""The daycare section's admin, one module per feature."""
