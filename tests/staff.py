"""Helpers for the admin tests: staff members with a role, the portal's models in the
admin, and the data a browser would submit from an admin form as rendered."""

import datetime
import decimal

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse

from twente.core.roles import grant_role


def portal_admins():
    """(model, model admin) of every model the portal's own apps show in the admin."""
    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in settings.PUBLIC_CONTENT_APPS
    ]


def admin_address(model, view, *args):
    """The address of one of a model's admin pages: "changelist", "add", "change"…"""
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def admin_pages(*views):
    """Each portal model's admin pages of `views` ("changelist", "add", "change", …); a
    page of one item is its first item's, when the model has one."""
    pages = []
    for model, _model_admin in portal_admins():
        first = model._default_manager.order_by("pk").first()
        for view in views:
            if view in ("changelist", "add"):
                pages.append(admin_address(model, view))
            elif first is not None:
                pages.append(admin_address(model, view, first.pk))
    return pages


def staff_member(role, username=None):
    username = username or role.lower().replace(" ", "-")
    user = get_user_model().objects.create_user(username=username, password="not-a-real-password-42")
    return grant_role(user=user, role=role)


def in_english(client):
    """The admin follows the browser's language; the tests read its English texts."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def _field_value(bound_field):
    value = bound_field.value()
    if value is None:
        return None
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, (list, tuple)):
        return [str(getattr(item, "pk", item)) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime, decimal.Decimal, int)):
        return str(value)
    return getattr(value, "pk", value)


def _add_form(data, form):
    for bound_field in form:
        value = _field_value(bound_field)
        if value is not None:
            data[bound_field.html_name] = value


def form_data(response, **changes):
    """Everything an admin change form (with its inlines) would post, as rendered in
    `response`, with `changes` applied on top."""
    context = response.context
    data = {}
    _add_form(data, context["adminform"].form)
    for inline in context.get("inline_admin_formsets", []):
        formset = inline.formset
        _add_form(data, formset.management_form)
        for form in formset.forms:
            _add_form(data, form)
    data.update(changes)
    return data
