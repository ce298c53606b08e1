from django.views.generic import TemplateView


class PartnerListView(TemplateView):
    template_name = "partners/partner_list.html"


class PartnerDetailView(TemplateView):
    template_name = "partners/partner_detail.html"
