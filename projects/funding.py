from django.views.generic import TemplateView


class FundingOverviewView(TemplateView):
    template_name = "projects/funding.html"
