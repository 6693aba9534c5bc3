"""The districts and institutions from the brochure, loaded once (``load_seed``): after
that the facts are the staff's to keep current."""

FIXTURES = [("districts.json", "once")]
