"""The age bands performances are offered to."""

FIXTURES = [("bookings.json", "once")]
