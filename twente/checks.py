"""System checks of the site's own production settings (run by `check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def check_security_contact(app_configs, **kwargs):
    if settings.SECURITY_CONTACT:
        return []
    return [
        Warning(
            "DJANGO_SECURITY_CONTACT is not set, so /.well-known/security.txt is not served.",
            hint="Set it to a mailto: or https:// URI where a vulnerability can be reported.",
            id="twente.W001",
        )
    ]
