"""``{% staff_links %}``: every app's links for the signed-in staff member, in the
admin's header (``accounts.admin_index.add_user_links``)."""

from django import template
from django.utils.html import format_html_join

from accounts.admin_index import user_links

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_links(context):
    return format_html_join("", '<a href="{}">{}</a> / ', user_links(context["request"].user))
