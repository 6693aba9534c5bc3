"""``{{ day|long_date }}`` → "fredag den 15. maj 2026"; ``{{ day|week_number }}`` → "uge 20"."""

from django import template

from core import dates

register = template.Library()
register.filter("long_date", dates.long_date)
register.filter("week_number", dates.week_number)
