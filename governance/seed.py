"""The parent boards and the source's texts on boards and house councils (001)."""

FIXTURES = [("governance.json", "once")]
