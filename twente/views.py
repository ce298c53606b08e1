"""Site-wide pages that belong to no single app."""

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView


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
    template_name = "twente/home.html"


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


class AboutView(TemplateView):
    template_name = "twente/about.html"


class AccessibilityView(TemplateView):
    template_name = "twente/accessibility.html"


class PrivacyView(TemplateView):
    template_name = "twente/privacy.html"


def page_not_found(request, exception):
    from django.views.defaults import page_not_found as default

    return default(request, exception)


def server_error(request):
    from django.views.defaults import server_error as default

    return default(request)
