"""Admin login lockout (django-axes) as the portal wants it behind a reverse proxy.

- The visitor's address is read from X-Forwarded-For only as far as the configured
  number of trusted proxies (`TRUSTED_PROXY_COUNT`) reaches: each proxy appends the
  address it saw, so the entry that many places from the end is the one our outermost
  proxy received the request from. Anything before it was written by the client and
  is ignored, so a forged header changes nothing.
- Failures lock the pair of account name and address (`AXES_FAILURE_LIMIT`), so a
  stranger cannot lock a named administrator out from elsewhere, and, at a higher
  limit (`AXES_ADDRESS_FAILURE_LIMIT`), an address that tries many accounts.
"""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from django.conf import settings
from django.db.models import Sum

FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"


def client_ip(request):
    """The visitor's address as the trusted proxies saw it (AXES_CLIENT_IP_CALLABLE)."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if not proxies:
        return remote
    chain = [entry.strip() for entry in request.META.get(FORWARDED_FOR, "").split(",") if entry.strip()]
    if len(chain) < proxies:
        return remote  # not through all the proxies: the direct peer is all we know
    candidate = chain[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


class AccountAndAddressHandler(AxesDatabaseHandler):
    """Locks an account name from one address at AXES_FAILURE_LIMIT failures, and an
    address across all accounts at AXES_ADDRESS_FAILURE_LIMIT (the higher one). Needs
    AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"], in that order."""

    def get_failures(self, request, credentials=None):
        # django-axes compares this one figure with AXES_FAILURE_LIMIT, both when it
        # records a failure and when it checks a login: the pair's count, unless the
        # address has reached its own limit, which is above AXES_FAILURE_LIMIT.
        account_and_address, address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if address >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            return max(address, get_failure_limit(request, credentials))
        return account_and_address
