"""The daycare section's texts, partners, vision and strategy (001).

No closing-day rules: the sources give no closing days, so the rules that propose them
are the municipality's to enter; a local run has demo rules (``daycare.demo``)."""

FIXTURES = [("daycare.json", "once")]
