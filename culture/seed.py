"""Kulturtjenesten's texts and organisations, and the five networks (000_85f1…)."""

FIXTURES = [("culture.json", "once")]
