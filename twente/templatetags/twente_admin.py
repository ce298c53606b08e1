"""Template helpers for the admin: the "needs attention" panel and the lockout page."""

from django import template
from django.contrib import admin
from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from partners.models import Contact
from twente.core.admin import field_label, missing_translation_q, summary_missing_q, translated_field_names
from twente.core.models import PublicationState, PublishableModel
from twente.core.scheduling import scheduled_q

register = template.Library()


@register.simple_tag(takes_context=True)
def needs_attention(context):
    """What staff should look at, each with a count and a link to the filtered list.

    One query per translated model the user may view, plus one for contacts: the number
    of queries does not grow with the data."""
    request = context["request"]
    items = []
    registry = sorted(
        admin.site._registry.items(), key=lambda pair: (pair[0]._meta.app_label, pair[0]._meta.model_name)
    )
    for model, model_admin in registry:
        fields = translated_field_names(model)
        if not fields or not model_admin.has_view_permission(request):
            continue
        opts = model._meta
        aggregates = {"missing": Count("pk", filter=missing_translation_q(model))}
        with_summary = issubclass(model, PublishableModel) and "summary" in fields
        if with_summary:
            aggregates["no_summary"] = Count(
                "pk", filter=Q(publication_state=PublicationState.PUBLISHED) & summary_missing_q()
            )
        publishable = issubclass(model, PublishableModel)
        if publishable:
            aggregates["scheduled"] = Count("pk", filter=scheduled_q())
        counts = model._default_manager.aggregate(**aggregates)
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        if counts["missing"]:
            items.append(
                {
                    "label": _("%(things)s with missing translations")
                    % {"things": capfirst(opts.verbose_name_plural)},
                    "count": counts["missing"],
                    "url": f"{url}?translation=missing",
                }
            )
        if publishable and counts["scheduled"]:
            items.append(
                {
                    "label": _("%(things)s scheduled to be published or withdrawn")
                    % {"things": capfirst(opts.verbose_name_plural)},
                    "count": counts["scheduled"],
                    "url": f"{url}?scheduled=any",
                }
            )
        if with_summary and counts["no_summary"]:
            items.append(
                {
                    "label": _("Published %(things)s without a summary")
                    % {"things": opts.verbose_name_plural},
                    "count": counts["no_summary"],
                    "url": f"{url}?publication_state__exact=published&summary=missing",
                }
            )
    if request.user.has_perm("partners.view_contact"):
        stale = Contact.objects.not_verified_recently().count()
        if stale:
            items.append(
                {
                    "label": _("Contacts not verified in the last 12 months"),
                    "count": stale,
                    "url": reverse("admin:partners_contact_changelist") + "?verified=stale",
                }
            )
    return items


@register.filter
def in_minutes(value):
    """A timedelta as whole minutes (at least one)."""
    if not value:
        return 0
    return max(1, int(value.total_seconds() // 60))


def _field_errors(form, prefix=""):
    """(field label with its language, id, message) per error of one form's fields."""
    for name, messages in form.errors.items():
        if name not in form.fields or name == NON_FIELD_ERRORS:
            continue
        label = field_label(form, name)
        for message in messages:
            yield {"label": prefix + label, "id": form[name].id_for_label, "message": message}


@register.simple_tag
def error_summary(adminform, inline_admin_formsets=()):
    """Each error of a change form, named by its field and, for a translated field, its
    language, with a link to the field (the language tabs open it)."""
    errors = list(_field_errors(adminform.form))
    for inline in inline_admin_formsets:
        formset = inline.formset
        for number, form in enumerate(formset.forms, start=1):
            prefix = _("%(things)s, row %(number)d: ") % {
                "things": capfirst(formset.model._meta.verbose_name_plural),
                "number": number,
            }
            errors.extend(_field_errors(form, prefix))
    return errors
