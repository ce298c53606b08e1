from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from twente import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("robots.txt", views.robots_txt, name="robots-txt"),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("", include("regions.urls")),
    path("", include("partners.urls")),
    path("", include("projects.urls")),
    prefix_default_language=True,
)
