from django.urls import path
from django.utils.translation import gettext_lazy as _

from projects import feeds, funding, views

app_name = "projects"

urlpatterns = [
    path(_("projects/"), views.ProjectListView.as_view(), name="project-list"),
    path(_("projects/funding/"), funding.FundingOverviewView.as_view(), name="funding"),
    path(_("projects/feed/"), feeds.LatestProjectsFeed(), name="project-feed"),
    path(_("projects/<slug:slug>/"), views.ProjectDetailView.as_view(), name="project-detail"),
]
