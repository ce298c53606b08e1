"""The one way public list pages work: a FilterSet over a named queryset, paginated.

Bad input never gives a 500: an invalid filter value is reported next to its field
and ignored, and a page number that is not a number or is out of range shows the
nearest valid page with a message.
"""

from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from django.views.generic import ListView


class FilteredListView(ListView):
    filterset_class = None
    paginate_by = 20
    page_kwarg = "page"

    def get_base_queryset(self):
        """The page's named queryset method (published items only)."""
        raise NotImplementedError

    def get_filterset(self):
        if not hasattr(self, "_filterset"):
            self._filterset = self.filterset_class(
                self.request.GET or None, queryset=self.get_base_queryset(), request=self.request
            )
        return self._filterset

    def get_queryset(self):
        return self.get_filterset().qs

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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = self.get_filterset()
        context["filter"] = filterset
        context["result_count"] = context["paginator"].count if context.get("paginator") else None
        context["is_filtered"] = any(
            value for key, value in self.request.GET.items() if key != self.page_kwarg
        )
        context["page_notice"] = getattr(self, "page_notice", None)
        return context
