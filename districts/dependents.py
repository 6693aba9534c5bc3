"""What other apps hang on an institution, told to ``districts`` without it importing
them (a feature app imports ``districts``, never the reverse; tests/test_layout.py).

An app registers, in its ``AppConfig.ready``:

- ``register_daycare_check(check)``: ``check(institution)`` returns a Danish message when
  the institution has rows that only a daycare house may have (a house council, parent
  representatives on a board), or ``None``. ``Institution.clean`` refuses a change of
  type away from a daycare house with the message, as it does for pedagogical leaders.
- ``register_type_check(check)``: ``check(institution)`` returns a Danish message when
  the institution's type (as changed, not yet saved) no longer fits rows of the app (a
  culture network's school seat held from a house that became a club), or ``None``.
  ``Institution.clean`` refuses the change of type with the message.
- ``register_district_check(check)``: ``check(institution, districts)`` returns a Danish
  message when taking the institution out of ``districts`` (those it leaves) would leave
  rows of the app behind (a parent representing the house on that district's board),
  or ``None``. The institution's admin form refuses the change with the message.
- ``register_institution_history(part)``: ``part()`` returns a subquery of the newest
  history date of what the app shows on an institution's page (its house council),
  for the institution ``OuterRef("pk")``; the page's "Sidst opdateret" counts it
  (``InstitutionQuerySet.with_last_changed``, still one query).
"""

daycare_checks = []
type_checks = []
district_checks = []
institution_history = []


def register_daycare_check(check):
    if check not in daycare_checks:
        daycare_checks.append(check)


def register_type_check(check):
    if check not in type_checks:
        type_checks.append(check)


def register_district_check(check):
    if check not in district_checks:
        district_checks.append(check)


def register_institution_history(part):
    if part not in institution_history:
        institution_history.append(part)


def daycare_problems(institution):
    return [message for check in daycare_checks if (message := check(institution))]


def type_problems(institution):
    return [message for check in type_checks if (message := check(institution))]


def district_problems(institution, districts):
    return [message for check in district_checks if (message := check(institution, districts))]
