"""What every portal ModelAdmin shares: object-level permissions, history, no lost updates.

- Permissions: the changelist and every choice in a form are narrowed by the scopes each
  app registers in its ``rules.py`` (``core.permissions``); another district's
  object answers 403 (it exists, the user may not touch it), never "perhaps it was
  deleted".
- History: django-simple-history records every save; the history page shows who changed
  which field from what to what. Only users who may change an object see its history,
  and only administrators restore an earlier version.
- No lost updates: the change form carries a version token, a fingerprint of what the
  form edits (its fields, many-to-many links and inline rows) as it was when opened. If
  someone saved it in between, the save is refused with a Danish message naming the
  object, and nothing changes.
- Text: every text field refuses a direction character (U+202E …) that is never closed,
  which would turn the rest of a line round wherever the text is shown (``core.bidi``).
"""

import functools
import hashlib

from django import forms
from django.apps import apps
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import NotRelationField, flatten_fieldsets, get_fields_from_path
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.core.validators import MinValueValidator
from django.db import connection, models, router, transaction
from django.db.models.constants import LOOKUP_SEP
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_cleanup import cleanup
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import to_historic
from simple_history.utils import get_m2m_reverse_field_name

from . import permissions, readability
from .admin_dates import EARLIEST_YEAR, LATEST_YEAR
from .bidi import refuse_unclosed_controls

VERSION_FIELD = "version_token"
DEMO_FIELD = "is_demo"


def current_version(model, pk, fields=None, inlines=()):
    """A fingerprint of what a change form edits, as it is in the database: the row's
    ``fields`` (all concrete fields when ``None``) and many-to-many links among them, and
    the rows of each inline, given as ``(related model, name of its foreign key)``.

    Only what the form edits counts: a closing day or a report pointing at a house is no
    reason to refuse a save of the house's form, and is not read when it is rendered.
    """
    opts = model._meta
    concrete = [f.attname for f in opts.concrete_fields if fields is None or f.name in fields]
    rows = model._default_manager.filter(pk=pk)
    values = rows.values(opts.pk.attname, *concrete).first()
    if values is None:
        return ""
    parts = [sorted(values.items())]
    for field in opts.many_to_many:
        if fields is None or field.name in fields:
            parts.append(sorted(pk for pk in rows.values_list(field.name, flat=True) if pk))
    for related, fk_name in inlines:
        linked = related._default_manager.filter(**{fk_name: pk})
        attnames = [f.attname for f in related._meta.concrete_fields]
        parts.append(list(linked.order_by("pk").values_list(*attnames)))
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


class VersionedModelForm(forms.ModelForm):
    """A model form that refuses to save over a change made since it was opened."""

    version_token = forms.CharField(widget=forms.HiddenInput, required=False)
    # Set by PortalModelAdmin.get_form: the inline rows edited on the same page.
    version_inlines = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields[VERSION_FIELD].initial = self.current_version()
            historic = to_historic(self.instance)
            if historic is not None:
                self._keep_current_files()
            if historic is not None and not self.is_bound:
                self._initial_from_history(historic)

    def current_version(self):
        return current_version(
            type(self.instance), self.instance.pk, set(self.base_fields), self.version_inlines
        )

    def _keep_current_files(self):
        """A restored version keeps today's files. The file an earlier version named was
        deleted when it was replaced (django-cleanup): restoring its name would leave a
        link to nothing, and the restore would delete today's file as "replaced"."""
        names = [
            field.name
            for field in self.instance._meta.concrete_fields
            if isinstance(field, models.FileField) and field.name in self.fields
        ]
        current = names and type(self.instance)._default_manager.filter(pk=self.instance.pk)
        current = current and current.first()
        if not current:
            return
        for name in names:
            setattr(self.instance, name, getattr(current, name).name)
            self.initial[name] = getattr(self.instance, name)
        cleanup.refresh(self.instance)  # what the save replaces is today's file, if any

    def _initial_from_history(self, historic):
        # simple-history's restore form shows the old fields but today's many-to-many
        # links; restoring Klub Syd must bring back its old districts too.
        for field in historic._history_m2m_fields:
            target = get_m2m_reverse_field_name(field)
            self.initial[field.name] = [
                getattr(row, f"{target}_id") for row in getattr(historic, field.name).all()
            ]

    def clean(self):
        cleaned = super().clean()
        model, pk = type(self.instance), self.instance.pk
        if pk is None:
            return cleaned
        using = router.db_for_write(model)
        if transaction.get_connection(using).in_atomic_block:
            # Hold the row until this save commits, so two saves cannot both pass the check.
            # No ordering: a default ordering across a nullable relation would join it,
            # and PostgreSQL cannot lock the nullable side of an outer join.
            rows = model._default_manager.select_for_update().filter(pk=pk).order_by()
            list(rows.values_list("pk"))
        if self.data.get(self.add_prefix(VERSION_FIELD)) != self.current_version():
            raise ValidationError(
                _(
                    "»%(object)s« er blevet ændret af en anden, siden du åbnede siden. "
                    "Genindlæs siden og indtast dine ændringer igen."
                )
                % {"object": self.instance},
                code="changed_meanwhile",
            )
        return cleaned


class DanishHistoryAdmin(SimpleHistoryAdmin):
    """simple-history's admin with Danish page titles (the package ships no Danish), whose
    restore form saves nothing unless ``revert_disabled`` allows it."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history saves a POST here without asking revert_disabled(); we ask. The
        # object is looked up through get_object, so what the user may not reach (another
        # district's house, a superuser's account) cannot be written back either.
        if request.method == "POST":
            obj = self.get_object(request, object_id)
            if obj is None or self.revert_disabled(request, obj):
                raise PermissionDenied
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return super().formfield_for_dbfield(db_field, request, **ids_choices(db_field, kwargs))

    def history_view_title(self, request, obj):
        return _("Historik: %(object)s") % {"object": obj}

    def history_form_view_title(self, request, obj):
        if self.revert_disabled(request, obj):
            return _("Tidligere version af %(object)s") % {"object": obj}
        return _("Gendan %(object)s") % {"object": obj}


class PortalModelAdmin(DanishHistoryAdmin):
    """Base class of every portal ModelAdmin."""

    form = VersionedModelForm
    # Fields only administrators may change: account links (that is user management) and
    # web addresses (a changed slug breaks every link and bookmark to the page).
    administrator_fields = ()
    # The foreign key of a row that belongs to another object and goes only with it (a
    # district's board): while it has one, it is deleted neither alone nor in bulk, only
    # as part of deleting that object.
    deleted_only_with = None

    def _perm(self, action):
        opts = self.opts
        return f"{opts.app_label}.{action}_{opts.model_name}"

    def get_queryset(self, request):
        return permissions.scoped(
            super().get_queryset(request), request.user, permissions.view_scope
        )

    def get_changelist_instance(self, request):
        # A date filter no database or time zone conversion can hold (?starts_at__gte=
        # 0001-01-01) is an invalid lookup like any other: the changelist goes back to
        # itself with ?e=1, not a 500 when the query is run.
        for key, values in request.GET.lists():
            if dates_out_of_range(self.model, key, values):
                raise IncorrectLookupParameters(key)
        return super().get_changelist_instance(request)

    def get_object(self, request, object_id, from_field=None):
        # Looked up unscoped: another district's institution exists, and the permission
        # check that follows answers 403 rather than "perhaps it was deleted".
        model = self.model
        field = model._meta.pk if from_field is None else model._meta.get_field(from_field)
        value = parse_id(field, object_id)
        if value is None:
            return None
        return model._default_manager.filter(**{field.name: value}).first()

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return super().has_view_permission(request)
        user = request.user
        return user.has_perm(self._perm("view"), obj) or user.has_perm(self._perm("change"), obj)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return request.user.has_perm(self._perm("change"), obj)

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return super().has_delete_permission(request)
        if self.deleted_only_with:
            field = self.model._meta.get_field(self.deleted_only_with)
            owner = getattr(obj, field.attname)
            if owner is not None and (field.related_model, owner) not in getattr(
                request, "portal_deleting", ()
            ):
                return False
        return request.user.has_perm(self._perm("delete"), obj)

    def has_view_history_or_change_history_permission(self, request, obj=None):
        return obj is not None and self.has_change_permission(request, obj)

    def revert_disabled(self, request, obj=None):
        return not (
            permissions.is_administrator(request.user) and self.has_change_permission(request, obj)
        )

    def get_actions(self, request):
        actions = super().get_actions(request)
        # Bulk deletion would skip the per-object rules; administrators only.
        if not permissions.is_administrator(request.user):
            actions.pop("delete_selected", None)
        # Every action, offered or posted, asks the object rules first (guard_action).
        return {
            name: (guard_action(func), name, description)
            for name, (func, _name, description) in actions.items()
        }

    def may_act_on(self, request, obj, needed):
        """Whether ``request.user`` holds each of the ``needed`` permissions (an admin
        action's ``allowed_permissions``: "change", "delete", …) on ``obj``."""
        for name in needed:
            check = getattr(self, f"has_{name}_permission")
            allowed = check(request) if name == "add" else check(request, obj)
            if not allowed:
                return False
        return True

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not permissions.is_administrator(request.user):
            fields += [f for f in self.administrator_fields if f not in fields]
        return fields

    def get_fieldsets(self, request, obj=None):
        # The demo marker is create_demo's alone: never a field on a staff form.
        fieldsets = [
            (name, {**opts, "fields": [f for f in opts["fields"] if f != DEMO_FIELD]})
            for name, opts in super().get_fieldsets(request, obj)
            if [f for f in opts["fields"] if f != DEMO_FIELD]
        ]
        editable = self.has_change_permission(request, obj) if obj else True
        names = flatten_fieldsets(fieldsets)
        if editable and VERSION_FIELD not in names:
            fieldsets.append((None, {"fields": [VERSION_FIELD]}))
        elif not editable and VERSION_FIELD in names:
            fieldsets = [
                (name, {**opts, "fields": [f for f in opts["fields"] if f != VERSION_FIELD]})
                for name, opts in fieldsets
            ]
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.version_inlines = tuple(
            (inline.model, inline_foreign_key(self.model, inline.model, inline.fk_name).name)
            for inline in self.get_inline_instances(request, obj)
        )
        return form

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return limit_choices(formfield, request.user)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        return limit_choices(formfield, request.user)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **https_urls(db_field, kwargs))
        return refuse_unclosed_controls(danish_minimum(server_named_upload(db_field, formfield)))

    def get_deleted_objects(self, objs, request):
        """Django's list of what a deletion takes along, without the rows that only link
        two objects ("Alternativecare-institution-relation: AlternativeCare_houses object
        (56)"): the links go with the object, and their names are code names."""
        # What goes along with these objects may go with them (deleted_only_with).
        request.portal_deleting = {(self.model, obj.pk) for obj in objs}
        try:
            deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        finally:
            del request.portal_deleting
        links = {
            str(capfirst(field.remote_field.through._meta.verbose_name))
            for model in apps.get_models()
            for field in model._meta.local_many_to_many
            if field.remote_field.through._meta.auto_created
        }
        plurals = {
            str(field.remote_field.through._meta.verbose_name_plural)
            for model in apps.get_models()
            for field in model._meta.local_many_to_many
            if field.remote_field.through._meta.auto_created
        }

        def without_links(items):
            kept = []
            for item in items:
                if isinstance(item, list):
                    item = without_links(item)
                    if item:
                        kept.append(item)
                elif str(item).split(":", 1)[0] not in links:
                    kept.append(item)
            return kept

        counts = {name: n for name, n in counts.items() if str(name) not in plurals}
        return without_links(deleted), counts, perms_needed, protected

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        readability.tell(self, request, form)

    def get_inline_instances(self, request, obj=None):
        # An inline the user can neither add to nor change in is an empty box to them.
        return [
            inline
            for inline in super().get_inline_instances(request, obj)
            if inline.has_add_permission(request, obj) or inline.has_change_permission(request, obj)
        ]

    def view_on_site(self, obj):
        """ "Se på websted": the object's public page, once parents can see it."""
        url = getattr(obj, "get_absolute_url", None)
        if url is None or not getattr(obj, "is_published", getattr(obj, "published", True)):
            return None
        return url()

    def response_add(self, request, obj, post_url_continue=None):
        self.tell_public_page(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self.tell_public_page(request, obj)
        return super().response_change(request, obj)

    def tell_public_page(self, request, obj):
        """After a save, a link straight to the public page the change shows on."""
        url = self.view_on_site(obj)
        if url and not request.POST.get("_popup"):
            self.message_user(
                request,
                format_html(
                    '<a href="{}">{}</a>', url, _("Se »%(object)s« på websted") % {"object": obj}
                ),  # fmt: skip
                messages.INFO,
            )


def guard_action(func):
    """``func``, an admin action, run only when the user holds the permissions it declares
    (``@admin.action(permissions=[...])``) on every selected object.

    Django's admin only asks the model-level permission before it offers or runs an
    action; a district leader who may *see* every closing day is not thereby allowed to
    publish them. Here each selected object is checked against the app's rules; if any
    is refused, nothing is run and the user is told so. An action that declares no
    permission is refused outright (and fails ``manage.py check``, portal.E002).
    """
    needed = tuple(getattr(func, "allowed_permissions", None) or ())

    @functools.wraps(func)
    def guarded(modeladmin, request, queryset):
        if not needed:
            raise PermissionDenied
        with transaction.atomic(using=router.db_for_write(modeladmin.model)):
            return run_guarded(modeladmin, request, queryset)

    def run_guarded(modeladmin, request, queryset):
        refused = [obj for obj in queryset if not modeladmin.may_act_on(request, obj, needed)]
        if refused:
            modeladmin.message_user(
                request,
                ngettext(
                    "Du har ikke adgang til at gøre dette ved »%(objects)s«. Intet er ændret.",
                    "Du har ikke adgang til at gøre dette ved %(count)d af de valgte: "
                    "»%(objects)s«. Intet er ændret.",
                    len(refused),
                )
                % {"count": len(refused), "objects": "«, »".join(str(o) for o in refused[:5])},
                messages.ERROR,
            )
            return None
        return func(modeladmin, request, queryset)

    return guarded


class SingleRowAdmin(PortalModelAdmin):
    """A model of one row (texts, settings): it can be changed, never added twice or
    deleted."""

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not self.model.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


class PortalInlineFormSet(forms.BaseInlineFormSet):
    """Refuses a row id that is not one of this object's rows (another house's role, a
    row deleted meanwhile). Django would treat such a row as new, or drop it without a
    word, and the save would seem to have worked.

    Checks the model's constraints for every row, with the row's key to the object set:
    Django leaves that key out of a row's model validation, and checks among the rows
    only the unconditional unique constraints, so a conditional one (one secretary per
    board, one leader per district) reached the database and a second one answered 500.
    A row that breaks one gets the constraint's own message. A secretary can be handed
    on in one save: the rows that give something up (unticked, deleted) are saved first,
    and their stored versions do not count against the others."""

    def clean(self):
        super().clean()
        self.refuse_foreign_rows()
        self.check_constraints()

    def refuse_foreign_rows(self):
        pk_name = self.model._meta.pk.name
        known = {str(pk) for pk in self.get_queryset().values_list("pk", flat=True)}
        for form in self.forms[: self.initial_form_count()]:
            if form.data.get(form.add_prefix(pk_name)) not in known:
                raise ValidationError(
                    _(
                        "En af rækkerne under »%(rows)s« hører ikke (længere) til her. "
                        "Genindlæs siden, og indtast dine ændringer igen."
                    )
                    % {"rows": self.model._meta.verbose_name_plural},
                    code="foreign_row",
                )

    def conditional_constraints(self):
        """The model's unique constraints that hold under a condition (one secretary
        among the members marked as secretary)."""
        return [
            constraint
            for constraint in self.model._meta.constraints
            if isinstance(constraint, models.UniqueConstraint)
            and constraint.fields
            and constraint.condition is not None
        ]

    def kept_forms(self):
        """The valid rows this save keeps: every row but those marked for deletion and
        the extra rows left empty."""
        deleted = self.deleted_forms
        return [
            form
            for form in self.forms
            if not any(form is other for other in deleted)
            and (form.has_changed() or form in self.initial_forms)
            and form.is_valid()
        ]

    def gives_up(self, form):
        """Whether a changed stored row no longer meets any conditional constraint's
        condition (a secretary unticked): it is saved before the other rows."""
        using = router.db_for_write(self.model)
        return form.has_changed() and not any(
            meets(constraint.condition, form.instance, using)
            for constraint in self.conditional_constraints()
        )

    def check_constraints(self):
        opts = self.model._meta
        checked = [c for c in opts.constraints if c not in opts.total_unique_constraints]
        if not checked:
            return
        kept = self.kept_forms()
        # Stored rows that are gone, or give up what they held, before the others are
        # saved (save_existing_objects) are no conflict.
        deleted = self.deleted_forms
        released = [
            form.instance.pk
            for form in self.initial_forms
            if form.instance.pk is not None
            and (any(form is other for other in deleted) or (form in kept and self.gives_up(form)))
        ]
        using = router.db_for_write(self.model)
        for form in kept:
            if not form.has_changed():
                continue
            for constraint in checked:
                try:
                    constraint.validate(self.model, form.instance, using=using)
                except ValidationError as error:
                    if self.stored_conflict(constraint, form.instance, released):
                        self.add_row_error(form, error)
        for constraint in self.conditional_constraints():
            self.check_among_rows(constraint, kept, using)

    def stored_conflict(self, constraint, instance, released):
        """Whether a stored row, other than the ``released`` ones, conflicts with
        ``instance`` under the unique ``constraint`` it was found to break (a breach of
        any other kind of constraint is the row's own)."""
        if not isinstance(constraint, models.UniqueConstraint) or not constraint.fields:
            return True
        attnames = [self.model._meta.get_field(name).attname for name in constraint.fields]
        rows = self.model._default_manager.filter(
            **{name: getattr(instance, name) for name in attnames}
        ).exclude(pk__in=released)
        if instance.pk is not None:
            rows = rows.exclude(pk=instance.pk)
        if constraint.condition is not None:
            rows = rows.filter(constraint.condition)
        return rows.exists()

    def check_among_rows(self, constraint, kept, using):
        """Submitted rows with the same key under a conditional unique ``constraint``
        (two secretaries ticked in one save): each row after the first gets the
        constraint's message. (Django's formset checks the unconditional ones.)"""
        opts = self.model._meta
        groups = {}
        for form in kept:
            key = tuple(
                # Every row's key to the object is the object, saved or not yet.
                self.fk.name
                if name == self.fk.name
                else getattr(form.instance, opts.get_field(name).attname)
                for name in constraint.fields
            )
            if None not in key:
                groups.setdefault(key, []).append(form)
        for rows in groups.values():
            if len(rows) < 2:
                continue
            meeting = [form for form in rows if meets(constraint.condition, form.instance, using)]
            for form in meeting[1:]:
                self.add_row_error(form, ValidationError(constraint.get_violation_error_message()))

    def add_row_error(self, form, error):
        shown = set(form.non_field_errors())
        if not set(error.messages) <= shown:
            form.add_error(None, error)

    def save_existing_objects(self, commit=True):
        """Django's, in the order the constraint check assumed: the deleted rows first,
        then the rows that give something up, then the other changed rows."""
        if not self.conditional_constraints():
            return super().save_existing_objects(commit)
        self.changed_objects = []
        self.deleted_objects = []
        deleted = self.deleted_forms
        stored = [form for form in self.initial_forms if form.instance.pk is not None]
        for form in stored:
            if any(form is other for other in deleted):
                self.deleted_objects.append(form.instance)
                self.delete_existing(form.instance, commit=commit)
        changed = [
            form
            for form in stored
            if form.has_changed() and not any(form is other for other in deleted)
        ]
        changed.sort(key=lambda form: not self.gives_up(form))
        saved = []
        for form in changed:
            self.changed_objects.append((form.instance, form.changed_data))
            saved.append(self.save_existing(form, form.instance, commit=commit))
            if not commit:
                self.saved_forms.append(form)
        return saved


def meets(condition, instance, using):
    """Whether the unsaved ``instance`` meets ``condition`` (a constraint's ``Q``), the
    way Django's own constraint check asks the database."""
    against = {}
    for field in instance._meta.concrete_fields:
        value = models.Value(getattr(instance, field.attname), output_field=field)
        against[field.name] = against[field.attname] = value
    against["pk"] = models.Value(instance.pk, output_field=instance._meta.pk)
    return condition.check(against, using=using)


class ScopedInline:
    """Inlines show and offer only what the user may change."""

    formset = PortalInlineFormSet

    def get_queryset(self, request):
        return permissions.scoped(super().get_queryset(request), request.user)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        kwargs = https_urls(db_field, ids_choices(db_field, kwargs))
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        return refuse_unclosed_controls(server_named_upload(db_field, formfield))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = limit_choices(
            super().formfield_for_foreignkey(db_field, request, **kwargs), request.user
        )
        if formfield is not None:
            # Read the choices once for all rows: a select per inline row would otherwise
            # query them again, and a house with ten roles cost thirty extra queries.
            formfield.choices = list(formfield.choices)
        return formfield


def inline_foreign_key(parent_model, model, fk_name=None):
    """The foreign key from an inline's ``model`` to ``parent_model`` (the one its formset
    uses): the field named ``fk_name``, else the only one pointing to the parent."""
    keys = [
        field
        for field in model._meta.get_fields()
        if isinstance(field, models.ForeignKey)
        and (field.name == fk_name if fk_name else issubclass(parent_model, field.related_model))
    ]
    if len(keys) != 1:
        raise ValueError(f"{model._meta.label} har ikke én fremmednøgle til {parent_model}")
    return keys[0]


class PortalInline(ScopedInline, admin.StackedInline):
    """Stacked: every field of a row labelled, one under the other."""


class ScopedRelatedFieldListFilter(admin.RelatedFieldListFilter):
    """A list filter by a related object offers only the objects the user may see (a
    culture ambassador filters by their own network, not all five)."""

    def field_choices(self, field, request, model_admin):
        related = field.related_model
        queryset = permissions.scoped(
            related._default_manager.all(), request.user, permissions.view_scope
        )
        ordering = self.field_admin_ordering(field, request, model_admin)
        if ordering:
            queryset = queryset.order_by(*ordering)
        return [(obj.pk, str(obj)) for obj in queryset]


admin.FieldListFilter.register(
    lambda f: f.remote_field,
    ScopedRelatedFieldListFilter,
    take_priority=True,
)


class _LabelledFormSet(PortalInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget.attrs["aria-label"] = _("Slet")


class PortalTabularInline(ScopedInline, admin.TabularInline):
    """A compact table of rows, one line each. Django's tabular inline names its columns
    only in the table head; each input gets its column's name as its accessible name
    (axe: "Form elements must have labels"), the delete box too. Shows and offers only
    what the user may change, as ``PortalInline``."""

    formset = _LabelledFormSet

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None:
            formfield.widget.attrs.setdefault("aria-label", str(formfield.label))
            wrapper = formfield.widget
            if isinstance(wrapper, RelatedFieldWidgetWrapper):
                # One line per row: no pop-up links to add or change the related object.
                wrapper.widget.attrs.setdefault("aria-label", str(formfield.label))
                wrapper.can_add_related = wrapper.can_change_related = False
                wrapper.can_view_related = wrapper.can_delete_related = False
        return formfield


def https_urls(db_field, kwargs):
    """Staff type "www.example.dk": every URL field of every staff form reads it as
    https (Django 6's default, ours now), whatever else an admin's
    ``formfield_overrides`` says."""
    if isinstance(db_field, models.URLField):
        return {"assume_scheme": "https", **kwargs}
    return kwargs


def server_named_upload(db_field, formfield):
    """An upload stored under a name the server makes (a callable ``upload_to``) is not
    refused for the length of the name it was sent with: the model's ``max_length``
    bounds the stored name, which the server makes short enough, and Django would
    otherwise refuse a valid PDF named at length ("Dette filnavn må højst have 200
    tegn"). An upload stored under its own name keeps the check."""
    if (
        isinstance(db_field, models.FileField)
        and callable(db_field.upload_to)
        and isinstance(formfield, forms.FileField)
    ):
        formfield.max_length = None
    return formfield


def danish_minimum(formfield):
    """A number that cannot be negative says so in words, not Django's "Sørg for at denne
    værdi er større end eller lig med 0"."""
    if isinstance(formfield, forms.IntegerField) and formfield.min_value == 0:
        formfield.validators = [
            v for v in formfield.validators if not isinstance(v, MinValueValidator)
        ] + [
            MinValueValidator(
                0,
                _("%(field)s kan ikke være et negativt tal.")
                % {"field": capfirst(formfield.label or "")},  # fmt: skip
            )
        ]
    return formfield


# Lookups whose value is a date (several, comma-separated, for "in" and "range") and
# the transforms whose value is a year.
DATE_LOOKUPS = {"exact", "gt", "gte", "lt", "lte", "in", "range"}
YEAR_TRANSFORMS = {"year", "iso_year"}


def dates_out_of_range(model, key, values):
    """Whether the changelist filter ``key`` (``starts_at__gte``, ``network__date``,
    ``starts_at__year``) is on a date or a date and time and one of its ``values`` has a
    year outside ``EARLIEST_YEAR``–``LATEST_YEAR``. A value that cannot be read at all
    is left to Django, which refuses it as an invalid lookup."""
    parts = key.split(LOOKUP_SEP)
    for cut in range(len(parts), 0, -1):
        try:
            field = get_fields_from_path(model, LOOKUP_SEP.join(parts[:cut]))[-1]
        except (FieldDoesNotExist, NotRelationField):
            continue
        if not isinstance(field, models.DateField):  # DateTimeField is one too
            return False
        lookups = parts[cut:]
        if lookups[:1] == ["date"]:
            field, lookups = models.DateField(), lookups[1:]
        lookup = lookups[0] if len(lookups) == 1 else "exact" if not lookups else None
        raws = [raw for value in values for raw in value.split(",")]
        if lookup in YEAR_TRANSFORMS or (
            len(lookups) == 2 and lookups[0] in YEAR_TRANSFORMS and lookups[1] in DATE_LOOKUPS
        ):
            years = [parse_int(raw) for raw in raws]
            return any(
                year is not None and not EARLIEST_YEAR <= year <= LATEST_YEAR for year in years
            )
        if lookup not in DATE_LOOKUPS:
            return False
        for raw in raws:
            try:
                value = field.to_python(raw.strip())
            except (ValidationError, ValueError, TypeError, OverflowError):
                continue
            if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
                return True
        return False
    return False


def parse_int(raw):
    try:
        return int(raw)
    except (ValueError, TypeError, OverflowError):
        return None


def parse_id(field, raw):
    """``raw`` from a URL as a value of ``field``, or None when it cannot be one: not a
    number, or a number no database column can hold (it would fail in the database)."""
    try:
        value = field.to_python(raw)
    except (ValidationError, ValueError, TypeError, OverflowError):
        return None
    if isinstance(value, int):
        low, high = connection.ops.integer_field_range(field.get_internal_type())
        if (low is not None and value < low) or (high is not None and value > high):
            return None
    return value


class IdsChoiceField(forms.ModelMultipleChoiceField):
    """Django's field for many rows, refusing a value that cannot be an id before the
    database sees it: Django looks the values up with one ``__in`` query, which fails (a
    500) on a number larger than the column holds (SQLite's OverflowError, PostgreSQL's
    "out of range"). Every many-to-many field of the admin, and the admin's own forms of
    many rows, use it."""

    def clean(self, value):
        if isinstance(value, list | tuple):
            model = self.queryset.model
            field = model._meta.get_field(self.to_field_name) if self.to_field_name else None
            for raw in value:
                if parse_id(field or model._meta.pk, raw) is None:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": raw},
                    )
        return super().clean(value)


def ids_choices(db_field, kwargs):
    """The form field of a many-to-many field is an :class:`IdsChoiceField` (also where
    a ``formfield_for_manytomany`` builds it itself from these arguments)."""
    if db_field.many_to_many:
        return {"form_class": IdsChoiceField, **kwargs}
    return kwargs


def limit_choices(formfield, user):
    queryset = getattr(formfield, "queryset", None)
    if queryset is not None:
        formfield.queryset = permissions.scoped(queryset, user, permissions.choice_scope)
        preselect_only_choice(formfield, user)
    return formfield


def preselect_only_choice(formfield, user):
    """A required single choice with one option the user may pick (their network, their
    district, their board) starts chosen, without the empty "---------"."""
    if (
        isinstance(formfield, forms.ModelChoiceField)
        and not isinstance(formfield, forms.ModelMultipleChoiceField)
        and formfield.required
        and not permissions.is_administrator(user)
    ):
        only = list(formfield.queryset[:2])
        if len(only) == 1:
            formfield.initial = only[0].pk
            formfield.empty_label = None


class _StoredFile:
    """The current file as a file widget shows it: linked to the view that serves it,
    since media is never a public folder."""

    def __init__(self, url, name):
        self.url = url
        self.name = name

    def __str__(self):
        return self.name


class StoredFileInput(forms.ClearableFileInput):
    """A file widget whose "currently" link is ``file_url`` (a serving view)."""

    file_url = None

    def format_value(self, value):
        if self.is_initial(value) and self.file_url:
            return _StoredFile(self.file_url, value.name.rsplit("/", 1)[-1])
        return super().format_value(value)
