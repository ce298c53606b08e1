"""Municipality and innovation-district pages: lists with filters, detail pages with preview."""

from regions import selectors
from regions.filters import DistrictFilter, MunicipalityFilter
from regions.models import InnovationDistrict, Municipality
from twente.listing import FilteredListView
from twente.preview import PreviewableDetailView


class MunicipalityListView(FilteredListView):
    model = Municipality
    filterset_class = MunicipalityFilter
    template_name = "regions/municipality_list.html"
    context_object_name = "municipalities"

    def get_base_queryset(self):
        return Municipality.objects.for_list()


class MunicipalityDetailView(PreviewableDetailView):
    model = Municipality
    template_name = "regions/municipality_detail.html"
    context_object_name = "municipality"

    def get_public_queryset(self):
        return selectors.municipality_page_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["project_rows"] = selectors.projects_of(self.object)
        return context


class DistrictListView(FilteredListView):
    model = InnovationDistrict
    filterset_class = DistrictFilter
    template_name = "regions/district_list.html"
    context_object_name = "districts"

    def get_base_queryset(self):
        return InnovationDistrict.objects.for_list()


class DistrictDetailView(PreviewableDetailView):
    model = InnovationDistrict
    template_name = "regions/district_detail.html"
    context_object_name = "district"

    def get_public_queryset(self):
        return selectors.district_page_queryset()
