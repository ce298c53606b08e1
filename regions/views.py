"""Municipality and innovation-district pages: lists with filters, detail pages with preview."""

from regions import selectors
from regions.filters import DistrictFilter, MunicipalityFilter
from regions.models import InnovationDistrict, Municipality
from twente.core.listing import FilteredListView
from twente.core.opendata import LINK_AND_PLACE_COLUMNS, OpenDataColumn, slugs
from twente.core.preview import PreviewableDetailView


def _published_municipality(district, attribute):
    municipality = district.municipality
    return getattr(municipality, attribute) if municipality and municipality.is_published else None


class MunicipalityListView(FilteredListView):
    model = Municipality
    filterset_class = MunicipalityFilter
    template_name = "regions/municipality_list.html"
    context_object_name = "municipalities"
    # Open data (?format=csv or ?format=json): the filtered list, see twente.core.listing.
    open_data_name = "municipalities"
    open_data_columns = [
        OpenDataColumn("slug"),
        OpenDataColumn("cbs_code"),
        OpenDataColumn("name"),
        OpenDataColumn("country"),
        OpenDataColumn("province"),
        OpenDataColumn("population"),
        OpenDataColumn("population_year"),
        OpenDataColumn("regions", lambda item, request: [region.name for region in item.regions.all()]),
        OpenDataColumn("region_slugs", slugs("regions")),
        OpenDataColumn("summary"),
        *LINK_AND_PLACE_COLUMNS,
    ]

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
        context["projects"] = selectors.latest_projects_of(self.object)
        return context


class DistrictListView(FilteredListView):
    model = InnovationDistrict
    filterset_class = DistrictFilter
    template_name = "regions/district_list.html"
    context_object_name = "districts"
    # Open data (?format=csv or ?format=json): the filtered list, see twente.core.listing.
    open_data_name = "districts"
    open_data_columns = [
        OpenDataColumn("slug"),
        OpenDataColumn("name"),
        OpenDataColumn(
            "municipality",
            lambda item, request: (
                item.municipality.name if item.municipality and item.municipality.is_published else None
            ),
        ),
        OpenDataColumn("municipality_slug", lambda item, request: _published_municipality(item, "slug")),
        OpenDataColumn(
            "municipality_cbs_code", lambda item, request: _published_municipality(item, "cbs_code")
        ),
        OpenDataColumn("area_hectares"),
        OpenDataColumn("clusters", lambda item, request: [cluster.name for cluster in item.clusters.all()]),
        OpenDataColumn("cluster_slugs", slugs("clusters")),
        OpenDataColumn("summary"),
        *LINK_AND_PLACE_COLUMNS,
    ]

    def get_base_queryset(self):
        return InnovationDistrict.objects.for_list()


class DistrictDetailView(PreviewableDetailView):
    model = InnovationDistrict
    template_name = "regions/district_detail.html"
    context_object_name = "district"

    def get_public_queryset(self):
        return selectors.district_page_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["projects"] = selectors.latest_projects_in(self.object)
        return context
