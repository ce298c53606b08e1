"""Site-wide pages that belong to no single app."""

import datetime
import functools
import sys

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseForbidden, HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe
from django.views.defaults import page_not_found as default_page_not_found
from django.views.generic import TemplateView

from twente import pages
from twente.core import db, opendata
from twente.core.middleware import unavailable_response
from twente.core.unsaved_forms import typed_texts


def answers_options(view):
    """GET and HEAD, and OPTIONS answered with what is allowed (probes and crawlers
    send it); every other method 405."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = "GET, HEAD, OPTIONS"
            return response
        return require_safe(view)(request, *args, **kwargs)

    return wrapper


@never_cache
@answers_options
def healthz(request):
    """For load balancers (GET or HEAD): the process answers and the database takes one
    cheap query within HEALTHZ_TIMEOUT seconds, also when it hangs rather than refuses."""
    if not db.database_answers(settings.HEALTHZ_TIMEOUT):
        # Take this instance out of rotation until the database answers again.
        response = JsonResponse({"status": "unavailable", "database": "down"}, status=503)
        response["Retry-After"] = str(settings.DATABASE_RETRY_AFTER)
        return response
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


@answers_options
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


@answers_options
def security_txt(request):
    """RFC 9116: where to report a vulnerability. Expires is always half a year ahead
    (the RFC advises less than a year), so the file never goes stale."""
    if not settings.SECURITY_CONTACT:
        raise Http404
    expires = (datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=182)).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: nl, en, de",
        f"Canonical: {request.build_absolute_uri(request.path)}",
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
    processors), since whatever failed may fail again while rendering. A database
    that failed outside a view (in a middleware) gets the 503 page instead."""
    if isinstance(sys.exc_info()[1], db.DATABASE_ERRORS):
        return unavailable_response(request)
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render())


def csrf_failure(request, reason=""):
    """A form refused for its security token (CSRF_FAILURE_VIEW), in the portal's page
    and the reader's language rather than Django's bare one. Mostly a session that ended
    or changed in another window: the texts typed are listed to copy. No button sends
    them again: a page that did would carry a valid token for a post from anywhere."""
    page = loader.get_template("403_csrf.html").render({"typed": typed_texts(request)})
    response = HttpResponseForbidden(page)
    response["Cache-Control"] = "no-store"
    return response
