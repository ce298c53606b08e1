from django.views.generic import TemplateView


class ProjectListView(TemplateView):
    template_name = "projects/project_list.html"


class ProjectDetailView(TemplateView):
    template_name = "projects/project_detail.html"
