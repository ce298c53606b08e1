"""Middleware of the base layer: answers for a database that fails, and the HTTP
methods and headers every response gets. Each concern is its own class, so the
settings list says what runs in which order."""

import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.template import loader
from django.utils.translation import gettext as _

from twente.core import db, headers
from twente.core.unsaved_forms import ADMIN_PREFIX, unsaved_form

logger = logging.getLogger("twente.database")


def unavailable_response(request=None):
    """The translated "temporarily unavailable" page: a plain template rendered without
    a request context, so it needs no database (nor anything else that may be down).

    An admin form posted meanwhile was not saved: its page keeps what was posted, with
    a button that sends it again (the same fields, version and token, so a save based
    on an outdated version is still refused), and lists the texts typed."""
    unsaved = unsaved_form(request)
    template = loader.get_template("503.html" if unsaved is None else "503_not_saved.html")
    response = HttpResponse(template.render(unsaved or {}), status=503)
    response["Retry-After"] = str(settings.DATABASE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """A request whose database is down, or does not answer within its time, gets the
    503 page with Retry-After instead of a 500 or a worker that waits for ever.

    Public requests get `DATABASE_REQUEST_TIMEOUT` seconds of database time, staff
    requests in the admin (imports, bulk actions) `DATABASE_STAFF_REQUEST_TIMEOUT`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        staff = request.path_info.startswith(ADMIN_PREFIX)
        seconds = settings.DATABASE_STAFF_REQUEST_TIMEOUT if staff else settings.DATABASE_REQUEST_TIMEOUT
        with db.deadline(seconds):
            return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, db.DATABASE_ERRORS):
            # One line, no traceback: an outage would otherwise flood the log.
            logger.warning("Database unavailable for %s %s: %s", request.method, request.path, exception)
            return unavailable_response(request)
        return None


class SecurityHeadersMiddleware:
    """The headers Django's SecurityMiddleware does not set: Permissions-Policy (every
    browser feature the portal does not use turned off) and Cross-Origin-Resource-
    Policy (same-origin unless a view says otherwise, as public open data does)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.headers = headers.extra_headers()

    def __call__(self, request):
        response = self.get_response(request)
        for name, value in self.headers.items():
            response.headers.setdefault(name, value)
        return response


class HttpMethodsMiddleware:
    """TRACE, TRACK and CONNECT are refused everywhere (405): no page needs them and
    TRACE echoes a request back, which some views (sitemap, feeds) would otherwise do."""

    REFUSED = {"TRACE", "TRACK", "CONNECT"}
    ALLOWED = "GET, HEAD, OPTIONS, POST"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in self.REFUSED:
            return HttpResponseNotAllowed(self.ALLOWED.split(", "))
        return self.get_response(request)


class AdminNulCharacterMiddleware:
    """A NUL character in an admin address (a list filter, the type-ahead) can be neither
    stored nor searched for in PostgreSQL, which refuses it with an error: the request is
    answered 400 with a message instead. (Admin forms refuse it field by field; public
    filters report it beside the field.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(ADMIN_PREFIX) and any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            message = _(
                "The address holds a NUL character, which no filter or search can use. "
                "Remove it and try again."
            )
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
