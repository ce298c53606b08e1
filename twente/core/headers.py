"""Security headers that every response carries, pages and static files alike.

Pages get Django's SecurityMiddleware (HSTS, nosniff, Referrer-Policy, COOP), its
Content-Security-Policy and X-Frame-Options middleware, and the portal's
`SecurityHeadersMiddleware` (Permissions-Policy, Cross-Origin-Resource-Policy).
WhiteNoise answers static files before the CSP and frame middlewares run, so
`add_static_headers` (WHITENOISE_ADD_HEADERS_FUNCTION) gives them the same policy:
an SVG or a stylesheet opened on its own is held to it too.
"""

from django.conf import settings
from django.utils.csp import build_policy


def permissions_policy():
    return ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DISABLED)


def extra_headers():
    return {
        "Permissions-Policy": permissions_policy(),
        "Cross-Origin-Resource-Policy": "same-origin",
    }


def add_static_headers(headers, path, url):
    """WhiteNoise calls this once per file when it starts."""
    headers["Content-Security-Policy"] = build_policy(settings.SECURE_CSP)
    headers["X-Frame-Options"] = settings.X_FRAME_OPTIONS
