"""Site-wide pages that belong to no single app."""

from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET
from django.views.defaults import page_not_found as default_page_not_found
from django.views.generic import TemplateView

from twente import pages
from twente.core import opendata


@never_cache
@require_GET
def healthz(request):
    """For load balancers: the process answers and the database takes one cheap query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means: take this instance out of rotation
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


class HomeView(TemplateView):
    """What Netwerkstad Twente is, key figures, the ways in and the latest projects."""

    template_name = "twente/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        regions = pages.site_regions()
        context.update(
            twente=regions.get(pages.TWENTE_SLUG),
            netwerkstad=regions.get(pages.NETWERKSTAD_SLUG),
            regio_twente=regions.get(pages.REGIO_TWENTE_SLUG),
            figures=pages.key_figures(regions),
            latest_projects=pages.latest_projects(),
        )
        return context


@require_GET
def robots_txt(request):
    """The public site may be crawled, the admin not; crawlers find every page in the sitemap."""
    from django.urls import reverse

    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


class AboutView(TemplateView):
    """About Netwerkstad Twente and Regio Twente, cross-border ties, and whom to contact."""

    template_name = "twente/about.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        regions = pages.site_regions()
        netwerkstad = regions.get(pages.NETWERKSTAD_SLUG)
        context.update(
            twente=regions.get(pages.TWENTE_SLUG),
            netwerkstad=netwerkstad,
            regio_twente=regions.get(pages.REGIO_TWENTE_SLUG),
            partners=pages.cross_border_partners(),
            contacts=pages.about_contacts(netwerkstad),
        )
        return context


class AccessibilityView(TemplateView):
    template_name = "twente/accessibility.html"


class PrivacyView(TemplateView):
    template_name = "twente/privacy.html"


class OpenDataView(TemplateView):
    """What the open data holds, its fields and its licence, with the catalogue's links."""

    template_name = "twente/open_data.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, license=opendata.open_data_license())


def page_not_found(request, exception):
    """The 404 page in the visitor's language, with the normal context (header, switcher)."""
    return default_page_not_found(request, exception, template_name="404.html")


@requires_csrf_token
def server_error(request):
    """The 500 page: rendered without a request context (no database, no context
    processors), since whatever failed may fail again while rendering."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render())
