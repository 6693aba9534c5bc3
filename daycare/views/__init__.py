"""The daycare section's public pages, one module per feature."""
