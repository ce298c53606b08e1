"""The admin side of the translation status (twente.core.translation_status): per item and
language complete, missing or outdated, in a list column, a list filter, notices and a
"still correct" checkbox per language on the change form, a bulk confirmation, and
publishing that asks first when translations are missing or outdated.

`TranslationStatusAdminMixin` goes before the other bases of `PortalAdmin`; the panel
of the admin index is the `translation_status` tag (twente.core.templatetags)."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst, get_text_list
from django.utils.translation import get_language_info, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from twente.core.translation_status import (
    in_form_order,
    missing_fields,
    missing_translation_q,
    outdated_after_save,
    outdated_fields,
    outdated_since,
    outdated_translation_q,
    source_language,
    target_languages,
    tracks_outdated,
    translated_field_names,
    translation_languages,
    translations_confirm,
)

# The change form's checkboxes "The English texts are still correct" (one per language).
TRANSLATIONS_CONFIRMED = "_translations_confirmed"
# The confirmation of the bulk action "Publish selected items".
BULK_PUBLISH_CONFIRMED = "_publish_confirmed"


def language_name(code):
    return get_language_info(code)["name_translated"]


def confirm_label(code):
    """The "still correct" checkbox's label (a sentence per language: German inflects)."""
    labels = {
        "en": gettext("The English texts are still correct"),
        "de": gettext("The German texts are still correct"),
    }
    return labels.get(code) or gettext("The texts in %(language)s are still correct") % {
        "language": language_name(code)
    }


def field_verbose_name(model, field):
    return capfirst(model._meta.get_field(field).verbose_name)


def translation_status_text(obj):
    """E.g. "EN outdated · DE missing"; "complete" when nothing is missing or outdated."""
    missing, outdated = missing_fields(obj), outdated_fields(obj) if tracks_outdated(type(obj)) else {}
    parts = []
    for code in translation_languages():
        states = []
        if code in missing:
            states.append(gettext("missing"))
        if code in outdated:
            states.append(gettext("outdated"))
        if states:
            parts.append(f"{code.upper()} {', '.join(states)}")
    return " · ".join(parts) or gettext("complete")


def translation_problems(obj, outdated=None):
    """Per language what is missing and what is outdated, with field names, for the
    confirmations: [{"code", "language", "missing": [...], "outdated": [...]}]."""
    model = type(obj)
    missing = missing_fields(obj)
    if outdated is None:
        outdated = outdated_fields(obj) if tracks_outdated(model) else {}
    problems = []
    for code in translation_languages():
        if code in missing or code in outdated:
            problems.append(
                {
                    "code": code,
                    "language": language_name(code),
                    "missing": [field_verbose_name(model, name) for name in missing.get(code, [])],
                    "outdated": [field_verbose_name(model, name) for name in outdated.get(code, [])],
                }
            )
    return problems


def problems_sentence(problems):
    """E.g. "German: title and summary missing; English: summary outdated"."""
    parts = []
    for problem in problems:
        states = []
        if problem["missing"]:
            states.append(
                gettext("%(fields)s missing") % {"fields": get_text_list(problem["missing"], gettext("and"))}
            )
        if problem["outdated"]:
            states.append(
                gettext("%(fields)s outdated")
                % {"fields": get_text_list(problem["outdated"], gettext("and"))}
            )
        parts.append(f"{problem['language']}: {', '.join(states)}")
    return "; ".join(parts)


def _listed(names):
    return get_text_list([str(name) for name in names], gettext("and"))


def publish_refused_message(obj, problems):
    missing = [problem["language"] for problem in problems if problem["missing"]]
    outdated = [problem["language"] for problem in problems if problem["outdated"]]
    summary = []
    if missing:
        summary.append(gettext("texts in %(languages)s are missing") % {"languages": _listed(missing)})
    if outdated:
        summary.append(gettext("texts in %(languages)s are outdated") % {"languages": _listed(outdated)})
    return gettext(
        "“%(item)s” is saved but not published: %(summary)s (%(details)s). Visitors in those "
        "languages would read another language or a text that no longer matches the Dutch. Add "
        "or check the translations, or tick “Publish anyway” and publish again."
    ) % {"item": obj, "summary": "; ".join(summary), "details": problems_sentence(problems)}


class TranslationStatusFilter(admin.SimpleListFilter):
    title = _("translation status")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        choices = [("complete", _("Complete")), ("missing", _("Missing in any language"))]
        choices += [
            (f"missing-{code}", _("Missing in %(language)s") % {"language": name})
            for code, name in _languages()
        ]
        if tracks_outdated(model_admin.model):
            choices.append(("outdated", _("Outdated in any language")))
            choices += [
                (f"outdated-{code}", _("Outdated in %(language)s") % {"language": name})
                for code, name in _languages()
                if code != source_language()
            ]
        return choices

    def queryset(self, request, queryset):
        value = self.value()
        model = queryset.model
        if value == "complete":
            return queryset.exclude(missing_translation_q(model)).exclude(outdated_translation_q(model))
        kind, _sep, code = (value or "").partition("-")
        if code and code not in translation_languages():
            return queryset
        if kind == "missing":
            return queryset.filter(missing_translation_q(model, code or None))
        if kind == "outdated":
            return queryset.filter(outdated_translation_q(model, code or None))
        return queryset


def _languages():
    return list(settings.LANGUAGES)


class TranslationStatusAdminMixin:
    """The translation status in a `PortalAdmin` (see the module docstring)."""

    # Lists

    @admin.display(description=_("translations"))
    def translation_status(self, obj):
        return translation_status_text(obj)

    def get_actions(self, request, *args, **kwargs):
        actions = super().get_actions(request, *args, **kwargs)
        if not tracks_outdated(self.model):
            actions.pop("confirm_translations_selected", None)
        return actions

    @admin.action(description=_("Mark translations as still correct"), permissions=["change"])
    def confirm_translations_selected(self, request, queryset):
        confirmed = translations_confirm(items=queryset)
        for obj in confirmed:
            # "Changed outdated translations." in the item's admin log, in the reader's language.
            self.log_change(request, obj, [{"changed": {"fields": ["outdated translations"]}}])
        count = len(confirmed)
        self.message_user(
            request,
            ngettext(
                "The translations of %(count)d item are marked as still correct.",
                "The translations of %(count)d items are marked as still correct.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    # The change form

    def translation_status_context(self, obj):
        """Context for the change form: outdated notices per language, and the problems
        the "Save and publish" button asks about."""
        if obj is None or not translated_field_names(type(obj)):
            return {}
        outdated = []
        if tracks_outdated(type(obj)):
            for code, fields in outdated_fields(obj).items():
                outdated.append(
                    {
                        "code": code,
                        "language": language_name(code),
                        "confirm_label": confirm_label(code),
                        "fields": [
                            {"label": field_verbose_name(type(obj), name), "since": _since(obj, code, name)}
                            for name in fields
                        ],
                    }
                )
        return {"outdated_translations": outdated, "publish_problems": translation_problems(obj)}

    def mark_outdated_fields(self, form, obj):
        """A notice under each outdated field, inside its language tab."""
        if obj is None or not tracks_outdated(type(obj)):
            return
        for code, fields in outdated_fields(obj).items():
            for name in fields:
                form_field = form.fields.get(f"{name}_{code}")
                if form_field is None:
                    continue
                notice = gettext("Outdated: the Dutch text changed on %(when)s. Check this translation.") % {
                    "when": _since(obj, code, name)
                }
                # The admin shows help texts as HTML: the notice is escaped, the rest kept.
                form_field.help_text = format_html(
                    '<span class="outdated-notice">{}</span>{}', notice, form_field.help_text or ""
                )

    def confirm_translations_from_form(self, request, obj):
        """The "The English texts are still correct" checkboxes of the change form."""
        chosen = [code for code in request.POST.getlist(TRANSLATIONS_CONFIRMED) if code in target_languages()]
        if chosen and tracks_outdated(type(obj)):
            obj._translations_confirmed = chosen

    def publish_problems(self, obj):
        """What publishing `obj` as it is about to be saved would show incompletely."""
        outdated = outdated_after_save(obj) if tracks_outdated(type(obj)) else {}
        outdated = {code: in_form_order(type(obj), fields) for code, fields in outdated.items()}
        return translation_problems(obj, outdated=outdated)

    # Bulk publishing

    def publish_confirmation(self, request, queryset):
        """An intermediate page, like Django's delete confirmation, when an item about to
        be published has missing or outdated translations; None to publish right away."""
        if request.POST.get(BULK_PUBLISH_CONFIRMED):
            return None
        items = [
            {"obj": obj, "problems": problems}
            for obj in queryset
            if not obj.is_published and (problems := translation_problems(obj))
        ]
        if not items:
            return None
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Publish with missing or outdated translations?"),
            "opts": opts,
            "items": items,
            "selected": [obj.pk for obj in queryset],
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "confirmed_name": BULK_PUBLISH_CONFIRMED,
            "changelist_url": _with_query(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"), request.GET.urlencode()
            ),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/twente/publish_selected_confirmation.html", context)


def _since(obj, code, field):
    moment = outdated_since(obj, code, field)
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT") if moment else ""


def _with_query(url, query):
    return f"{url}?{query}" if query else url
