"""The rules that propose next year's closing days (drafts, not closing days), and the
daycare section's texts, partners, vision and strategy (001)."""

FIXTURES = [("closing_day_rules.json", "once"), ("daycare.json", "once")]
