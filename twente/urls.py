from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from twente import catalog, search, sitemaps, views
from twente import map as map_views
from twente.core.admin_language import set_admin_language

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # Before the admin's own addresses, which would answer this one with a 404.
    path("admin/language/", set_admin_language, name="admin-language"),
    path("admin/", admin.site.urls),
    # The language choice (set_language keeps it in a cookie).
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path(".well-known/security.txt", views.security_txt, name="security-txt"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {
            "sitemaps": sitemaps.SITEMAPS,
            "sitemap_url_name": "sitemap-section",
            "template_name": sitemaps.SitemapIndexTemplate(),
        },
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps.SITEMAPS, "template_name": sitemaps.UrlsetTemplate()},
        name="sitemap-section",
    ),
    path("catalog.ttl", catalog.catalog_turtle, name="catalog-turtle"),
    path("catalog.jsonld", catalog.catalog_jsonld, name="catalog-jsonld"),
    path("catalog", catalog.catalog, name="catalog"),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path(_("about/"), views.AboutView.as_view(), name="about"),
    path(_("accessibility/"), views.AccessibilityView.as_view(), name="accessibility"),
    path(_("privacy/"), views.PrivacyView.as_view(), name="privacy"),
    path(_("open-data/"), views.OpenDataView.as_view(), name="open-data"),
    path(_("search/"), search.SearchView.as_view(), name="search"),
    path(_("map/"), map_views.MapView.as_view(), name="map"),
    path("", include("regions.urls")),
    path("", include("partners.urls")),
    path("", include("projects.urls")),
    prefix_default_language=True,
)

handler404 = "twente.views.page_not_found"
handler500 = "twente.views.server_error"
