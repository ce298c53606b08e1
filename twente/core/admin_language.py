"""The admin's language, chosen per staff member and kept on their account.

The choice in the admin header posts to `set_admin_language`: Django's `set_language`
keeps it in the browser's cookie, and for a staff member it is also stored on the user
(`AdminPreference`), so it follows them to another browser or computer. At login the
stored choice is copied into the session, and `AdminLanguageMiddleware` applies it to
every admin page, ahead of the cookie and the browser's own languages, without a query
of its own."""

from django.contrib.auth.signals import user_logged_in
from django.utils import translation
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from twente.core import db
from twente.core.middleware import ADMIN_PREFIX
from twente.core.models import AdminPreference

SESSION_KEY = "admin_language"


def _valid(language):
    return language if language and translation.check_for_language(language) else None


@require_POST
def set_admin_language(request):
    response = set_language(request)
    language = _valid(request.POST.get("language"))
    user = request.user
    if language and user.is_authenticated and user.is_staff:
        AdminPreference.objects.update_or_create(user=user, defaults={"language": language})
        request.session[SESSION_KEY] = language
    return response


def _remember_at_login(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    language = AdminPreference.objects.filter(user=user).values_list("language", flat=True).first()
    if _valid(language):
        request.session[SESSION_KEY] = language


class AdminLanguageMiddleware:
    """After the session and authentication: the staff member's admin language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = None
        if request.path_info.startswith(ADMIN_PREFIX) and hasattr(request, "session"):
            try:
                language = _valid(request.session.get(SESSION_KEY))
            except db.DATABASE_ERRORS:
                # The sessions live in the database: the view meets the outage too and
                # answers with the 503 page (DatabaseUnavailableMiddleware).
                language = None
        if language is None:
            return self.get_response(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
            response["Content-Language"] = language
        return response


user_logged_in.connect(_remember_at_login, dispatch_uid="twente_admin_language_at_login")
