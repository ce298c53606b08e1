"""The one way public list pages work: a FilterSet over a named queryset, paginated,
with the current filtered result as open data (CSV and JSON).

Bad input never gives a 500: an invalid filter value is reported next to its field
and ignored, and a page number that is not a number or is out of range shows the
nearest valid page with a message.

Open data lives at the list's own URL: `?format=csv` or `?format=json`, with the same
filters as the page. It holds the whole filtered result, not one page. An unknown
format, or a filter value that does not validate, answers 400 with a plain message:
a program asking for data should learn its request was wrong rather than receive
more rows than it asked for. The page's own download links leave out any invalid
filter, so they give exactly the rows the page lists.
"""

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import CharField, Count, F, Value, Window
from django.db.models.functions import Coalesce, NullIf
from django.forms.models import ModelChoiceField, ModelChoiceIterator
from django.http import HttpResponseBadRequest, QueryDict
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.generic import ListView
from modeltranslation.utils import build_localized_fieldname, resolution_order

from twente.core import opendata
from twente.core.text import FORBIDDEN, printable
from twente.core.widgets import fast_widget

FORMAT_PARAM = "format"


def shown_languages():
    """The active language, then its fallbacks: the order in which a translated field's
    texts are tried for a visitor (as modeltranslation shows them)."""
    return resolution_order(translation.get_language() or settings.LANGUAGE_CODE)


def translated(field_name):
    """An expression for the text a visitor sees of a translated field: the active
    language's value, else its fallbacks in order.

    Text filters and A-Z sorting use it, so they match what the page displays."""
    text = CharField()
    parts = [
        NullIf(F(build_localized_fieldname(field_name, code)), Value(""), output_field=text)
        for code in shown_languages()
    ]
    return Coalesce(*parts, Value(""), output_field=text)


def shown_text(texts, languages):
    """Of a translated field's `texts`, one per language of `languages` (shown_languages),
    the one a visitor sees, and its language when that is a fallback (WCAG 3.1.2: the
    text then needs its own `lang`), else an empty string."""
    for text, code in zip(texts, languages, strict=True):
        if text:
            return text, "" if code == languages[0] else code
    return "", ""


def fallback_language(obj, field_name):
    """The language of `obj`'s shown text of a translated field when it is a fallback,
    else an empty string."""
    languages = shown_languages()
    texts = (getattr(obj, build_localized_fieldname(field_name, code), None) for code in languages)
    return shown_text(texts, languages)[1]


class FetchedChoiceIterator(ModelChoiceIterator):
    """A filter's choices read with one plain query. Django's iterator streams them
    through a server-side cursor on PostgreSQL (DECLARE, FETCH, CLOSE: three round trips
    per field), which only pays for thousands of rows; a filter never lists those."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset.all():
            yield self.choice(obj)


class CorrectableForm(forms.Form):
    """A form that hands bad input back to be corrected: an invalid field points to its
    error message (aria-describedby), so a screen reader announces it with the field, and
    what was sent is shown as sent, in valid HTML."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                field = self.fields[name]
                if getattr(field.widget, "input_type", None) == "number":
                    # Echoing "abc" into <input type=number> is invalid HTML and browsers
                    # show it empty: a text field keeps what the visitor typed, to correct.
                    # It takes no min, max or step, which only a number field allows.
                    kept = {k: v for k, v in field.widget.attrs.items() if k not in ("min", "max", "step")}
                    field.widget = forms.TextInput(attrs={**kept, "inputmode": "decimal"})
                attrs = field.widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = f"{self[name].auto_id}_error"
        self._echo_printable()

    def _echo_printable(self):
        """Validated as sent (a NUL is refused with its own message), echoed without the
        code points HTML forbids (twente.core.text): in the fields and in the messages
        that quote them."""
        sent = {key: self.data.getlist(key) for key in self.data} if isinstance(self.data, QueryDict) else {}
        if not any(FORBIDDEN.search(value) for values in sent.values() for value in values):
            return
        self.data = QueryDict(mutable=True)
        for key, values in sent.items():
            self.data.setlist(key, [printable(value) for value in values])
        for name, errors in self._errors.items():
            self._errors[name] = self.error_class(
                [printable(str(error)) for error in errors], renderer=self.renderer
            )


class FilterForm(CorrectableForm):
    """The form of every list filter: its choices read with one plain query and its
    widgets rendered in Python (see CorrectableForm for how bad input is handed back)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, ModelChoiceField):
                field.iterator = FetchedChoiceIterator
                field.widget.choices = field.choices  # the widget keeps its own copy
            fast_widget(field.widget)


class FilteredListView(ListView):
    filterset_class = None
    paginate_by = 20
    page_kwarg = "page"
    # Open data: the columns (twente.core.opendata.OpenDataColumn) and the file name stem.
    open_data_columns = None
    open_data_name = None
    # A class whose instances attach to each chunk of rows what the columns read beyond
    # the queryset (`load` of twente.core.opendata); None when the queryset brings it all.
    open_data_loader = None

    def get_base_queryset(self):
        """The page's named queryset method (published items only)."""
        raise NotImplementedError

    def get_open_data_queryset(self, queryset):
        """The filtered queryset with whatever the open-data columns read beyond the cards."""
        return queryset

    def get_filterset(self):
        if not hasattr(self, "_filterset"):
            data = self.request.GET.copy()
            data.pop(FORMAT_PARAM, None)
            self._filterset = self.filterset_class(
                data or None, queryset=self.get_base_queryset(), request=self.request
            )
        return self._filterset

    def get_queryset(self):
        return self.get_filterset().qs

    def get(self, request, *args, **kwargs):
        if FORMAT_PARAM in request.GET and self.open_data_columns:
            return self.open_data(request.GET[FORMAT_PARAM])
        return super().get(request, *args, **kwargs)

    def open_data(self, output_format):
        if output_format not in opendata.FORMATS:
            return HttpResponseBadRequest(
                _("Unknown format “%(format)s”: use format=csv or format=json.")
                % {"format": output_format[:20]},
                content_type="text/plain; charset=utf-8",
            )
        filterset = self.get_filterset()
        if filterset.is_bound and not filterset.is_valid():
            lines = [_("The filters could not be applied:")]
            for name, errors in filterset.form.errors.items():
                label = filterset.form.fields[name].label if name in filterset.form.fields else ""
                lines.extend(f"{label or name}: {error}" for error in errors)
            return HttpResponseBadRequest("\n".join(lines), content_type="text/plain; charset=utf-8")
        queryset = self.get_open_data_queryset(filterset.qs)
        filename = f"netwerkstad-twente-{self.open_data_name}-{translation.get_language()}"
        response = opendata.open_data_response(
            output_format,
            queryset,
            self.open_data_columns,
            self.request,
            filename,
            load=self.open_data_loader() if self.open_data_loader else None,
        )
        return opendata.with_last_modified(response, filterset.qs)

    def paginate_queryset(self, queryset, page_size):
        paginator = Paginator(queryset, page_size, allow_empty_first_page=True)
        requested = self.request.GET.get(self.page_kwarg, "1")
        page = paginator.get_page(requested)
        self.page_notice = None
        if requested != str(page.number) and self.page_kwarg in self.request.GET:
            self.page_notice = _("There is no page “%(requested)s”; showing page %(shown)s of %(total)s.") % {
                "requested": requested[:20],
                "shown": page.number,
                "total": paginator.num_pages,
            }
        return paginator, page, page.object_list, page.has_other_pages()

    def open_data_links(self):
        """Download links carrying the current valid filters (not the page number)."""
        if not self.open_data_columns:
            return []
        filterset = self.get_filterset()
        query = self.request.GET.copy()
        for name in (self.page_kwarg, FORMAT_PARAM, *filterset.form.errors):
            query.pop(name, None)
        links = []
        for output_format, label in (("csv", _("CSV")), ("json", _("JSON"))):
            query[FORMAT_PARAM] = output_format
            links.append({"format": output_format, "label": label, "url": f"?{query.urlencode()}"})
        return links

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = self.get_filterset()
        context["filter"] = filterset
        context["result_count"] = context["paginator"].count if context.get("paginator") else None
        context["is_filtered"] = any(
            value for key, value in self.request.GET.items() if key not in (self.page_kwarg, FORMAT_PARAM)
        )
        context["page_notice"] = getattr(self, "page_notice", None)
        context["open_data_links"] = self.open_data_links()
        context["open_data_license"] = opendata.open_data_license()
        return context


LATEST_LIMIT = 20


class LatestExcerpt:
    """The newest items of a possibly long related list, and how many there are in all:
    what a detail page shows instead of every related item (two queries whatever the
    number, one when there is none), with a link to the full list filtered to them."""

    def __init__(self, queryset, *, list_url, limit=LATEST_LIMIT, rows=None):
        """`rows`, when given, reads the shown items (related rows, prefetches, order)
        without repeating the filter of `queryset`, where that filter is costly."""
        # The newest ids and the total in one query (a count over the whole result,
        # taken before the limit), then the full rows of those ids only. Sorting
        # thousands of wide rows to keep 20 cost most of a municipality's page at
        # 10,000 projects, and counting apart worked out the filter a second time.
        newest = list(queryset.annotate(_total=Window(Count("*"))).values_list("pk", "_total")[:limit])
        self.total = newest[0][1] if newest else 0
        shown = queryset if rows is None else rows
        self.items = list(shown.filter(pk__in=[pk for pk, _total in newest])) if newest else []
        self.list_url = list_url

    @property
    def is_partial(self):
        return self.total > len(self.items)

    def __bool__(self):
        return bool(self.items)

    def __iter__(self):
        return iter(self.items)
