from django.views.generic import TemplateView


class MunicipalityListView(TemplateView):
    template_name = "regions/municipality_list.html"


class MunicipalityDetailView(TemplateView):
    template_name = "regions/municipality_detail.html"


class DistrictListView(TemplateView):
    template_name = "regions/district_list.html"


class DistrictDetailView(TemplateView):
    template_name = "regions/district_detail.html"
