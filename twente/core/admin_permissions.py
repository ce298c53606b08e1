"""Permissions named in the staff member's language on the user and group forms.

Django stores each permission's name in the database, in English ("Can add contact"),
and simple-history names its record models in English ("historical contact"), so the
permission lists of the user and group forms stayed English in a Dutch or German admin.
Here each label is worked out again from the code: a default permission from its action
and the model's translated name, a model's own permission from its `Meta.permissions`,
whose texts are translatable."""

from django.apps import apps
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

DEFAULT_PERMISSION_NAMES = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
}


def model_name(model):
    """A model's name; for a history record model, the history of the model it records."""
    recorded = getattr(model, "instance_type", None)  # simple-history's record models
    if recorded is None:
        return model._meta.verbose_name
    owner = recorded._meta.auto_created  # the records of a many-to-many field's links
    if owner:
        field = next(f for f in owner._meta.many_to_many if f.remote_field.through is recorded)
        return gettext("history of %(model)s: %(field)s") % {
            "model": owner._meta.verbose_name,
            "field": field.verbose_name,
        }
    return gettext("history of %(model)s") % {"model": recorded._meta.verbose_name}


def permission_label(permission):
    """ "App | model | name", each in the active language."""
    model = permission.content_type.model_class()
    if model is None:  # a model that no longer exists
        return str(permission)
    opts = model._meta
    name_of_model = model_name(model)
    action, _separator, codename_model = permission.codename.partition("_")
    if codename_model == opts.model_name and action in DEFAULT_PERMISSION_NAMES:
        name = DEFAULT_PERMISSION_NAMES[action] % {"model": name_of_model}
    else:
        name = dict(opts.permissions).get(permission.codename, permission.name)
    return f"{apps.get_app_config(opts.app_label).verbose_name} | {name_of_model} | {name}"


class TranslatedPermissionsMixin:
    """For a ModelAdmin whose form lists permissions (the user's, the group's)."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and db_field.name in ("permissions", "user_permissions"):
            field.label_from_instance = permission_label
        return field
