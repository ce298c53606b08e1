"""Template filters for numbers and amounts in the visitor's language, and for text
shown in a fallback language.

USE_THOUSAND_SEPARATOR stays off site-wide, so years ("since 2021") never get a
separator; figures that need one say so with these filters.
"""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

from twente.core.listing import fallback_language
from twente.core.uploads import PREVIEW_CHARS
from twente.core.uploads import excerpt as cut_to_excerpt

register = template.Library()


def _as_decimal(value):
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


@register.filter
def number(value, decimal_pos=None):
    """A figure with the active language's grouping: 158.986 (nl, de), 158,986 (en)."""
    amount = _as_decimal(value)
    if amount is None:
        return ""
    if decimal_pos in (None, ""):
        decimal_pos = 0 if amount == amount.to_integral_value() else None
    return formats.number_format(amount, decimal_pos=decimal_pos, use_l10n=True, force_grouping=True)


@register.filter
def euro(value):
    """A euro amount: € 1.250.000 (nl), €1,250,000 (en), 1.250.000 € (de).

    Cents are shown only when the amount has them."""
    amount = _as_decimal(value)
    if amount is None:
        return ""
    decimal_pos = 0 if amount == amount.to_integral_value() else 2
    figure = formats.number_format(amount, decimal_pos=decimal_pos, use_l10n=True, force_grouping=True)
    language = (get_language() or "nl").split("-")[0]
    if language == "de":
        return f"{figure}\u00a0€"
    if language == "nl":
        return f"€\u00a0{figure}"
    return f"€{figure}"


@register.filter
def euro_or_not_known(value):
    """`euro`, or a muted "not known" when there is no amount (never € 0).

    A filter rather than an include: it stands on every project card."""
    if value is None or value == "":
        return format_html('<span class="muted">{}</span>', gettext("not known"))
    return euro(value)


@register.filter
def excerpt(value, limit=PREVIEW_CHARS):
    """At most a bounded excerpt of a text from an uploaded file (an import preview)."""
    return cut_to_excerpt(value, int(limit))


register.simple_tag(fallback_language)


@register.filter
def lang_attr(obj, field_name):
    """` lang="…"` for the element showing a translated field when its text is a
    fallback, else nothing: `<a href="…"{{ project|lang_attr:"title" }}>`. Titles,
    summaries and notes on lists, cards and search results need it as much as a
    detail page's text (imported projects often lack a German text)."""
    code = fallback_language(obj, field_name)
    return format_html(' lang="{}"', code) if code else ""


@register.filter
def lang_span(obj, field_name):
    """A translated field's shown text within a sentence or a list item: in a
    `<span lang="…">` when it is a fallback, else the text alone (escaped as usual)."""
    code = fallback_language(obj, field_name)
    text = getattr(obj, field_name)
    return format_html('<span lang="{}">{}</span>', code, text) if code else text
