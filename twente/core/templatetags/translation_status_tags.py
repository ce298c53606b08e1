"""The admin index's translation panel: per model, how many items have missing and
outdated translations, each count a link to the filtered list."""

from django import template
from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.text import capfirst

from twente.core.translation_status import (
    missing_translation_q,
    outdated_translation_q,
    target_languages,
    tracks_outdated,
    translated_field_names,
    translation_languages,
)

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_status(context):
    """[{"model", "missing": {"count", "url", "languages": [...]}, "outdated": {...}}], one
    row per translated model the user may view that has something to do.

    One aggregate query per translated model: the count of queries does not grow with the data."""
    request = context["request"]
    rows = []
    registry = sorted(
        admin.site._registry.items(), key=lambda pair: (pair[0]._meta.app_label, pair[0]._meta.model_name)
    )
    for model, model_admin in registry:
        if not translated_field_names(model) or not model_admin.has_view_permission(request):
            continue
        languages = {"missing": translation_languages(), "outdated": target_languages()}
        aggregates = {"missing": Count("pk", filter=missing_translation_q(model))}
        for code in languages["missing"]:
            aggregates[f"missing_{code}"] = Count("pk", filter=missing_translation_q(model, code))
        outdated = tracks_outdated(model)
        if outdated:
            aggregates["outdated"] = Count("pk", filter=outdated_translation_q(model))
            aggregates |= {
                f"outdated_{code}": Count("pk", filter=outdated_translation_q(model, code))
                for code in languages["outdated"]
            }
        counts = model._default_manager.aggregate(**aggregates)
        if not counts["missing"] and not counts.get("outdated"):
            continue
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")

        rows.append(
            {
                "model": capfirst(opts.verbose_name_plural),
                "missing": _cell("missing", counts, url, languages["missing"]),
                "outdated": _cell("outdated", counts, url, languages["outdated"]) if outdated else None,
            }
        )
    return rows


def _cell(kind, counts, url, languages):
    """One count of the panel with its link, and the count per language with theirs."""
    return {
        "count": counts[kind],
        "url": f"{url}?translation={kind}",
        "languages": [
            {
                "code": code.upper(),
                "count": counts[f"{kind}_{code}"],
                "url": f"{url}?translation={kind}-{code}",
            }
            for code in languages
            if counts[f"{kind}_{code}"]
        ],
    }
