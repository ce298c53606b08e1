"""Settings for the Netwerkstad Twente portal, read from the environment.

Development (`DJANGO_DEBUG=1`, as `make run` sets it) works with no further
configuration. Without debug, a secret key and allowed hosts are required and the
process refuses to start without them.
"""

import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from twente.core.headers import add_static_headers
from twente.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Production needs a long random secret; "
            "set DJANGO_DEBUG=1 for local development."
        )
    # A fresh key per development process: sessions do not outlive a restart.
    SECRET_KEY = secrets.token_urlsafe(50)

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS is not set. List the host names the portal answers to, "
        "comma-separated (for example portal.example.nl)."
    )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Behind a TLS-terminating reverse proxy: trust X-Forwarded-Proto and -Host, and read
# the visitor's address from X-Forwarded-For as far as DJANGO_TRUSTED_PROXIES proxies
# (one by default) append to it; a client's own entries before that are ignored.
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", False)
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXIES", 1) if BEHIND_PROXY else 0

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it must come before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_filters",
    "simple_history",
    "axes",
    "twente.core",
    "twente",
    "regions",
    "partners",
    "projects",
]

MIDDLEWARE = [
    # First: a cached anonymous page is answered before the rest of the stack runs, with
    # the headers the whole stack gave it when it was built (twente/core/cache.py).
    "twente.core.cache.PublicPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files get these too.
    "twente.core.middleware.SecurityHeadersMiddleware",
    "twente.core.middleware.HttpMethodsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the locale, so its 503 page is in the visitor's language.
    "twente.core.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The admin in the language a staff member chose, kept on their account.
    "twente.core.admin_language.AdminLanguageMiddleware",
    # After it, so its message is in the staff member's language.
    "twente.core.middleware.AdminNulCharacterMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # django-axes wants to be last, so it sees the outcome of every login.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "twente.urls"
WSGI_APPLICATION = "twente.wsgi.application"
ASGI_APPLICATION = "twente.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "twente.context_processors.language_links",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: DATABASE_URL (PostgreSQL in production), else an embedded SQLite file.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# A database that is down or hangs gives an answer in seconds, never a stuck worker:
# connecting gives up after DJANGO_DB_CONNECT_TIMEOUT seconds, PostgreSQL ends a
# statement after DJANGO_DB_STATEMENT_TIMEOUT seconds (0: no limit; manage.py commands
# such as migrate default to 0), and a request whose database stops answering
# altogether is cut off after its request timeout and answered with a 503 page.
DATABASE_CONNECT_TIMEOUT = env_int("DJANGO_DB_CONNECT_TIMEOUT", 3)
DATABASE_STATEMENT_TIMEOUT = env_int("DJANGO_DB_STATEMENT_TIMEOUT", 10)
DATABASE_REQUEST_TIMEOUT = env_int("DJANGO_DB_REQUEST_TIMEOUT", 15)
DATABASE_STAFF_REQUEST_TIMEOUT = env_int("DJANGO_DB_STAFF_REQUEST_TIMEOUT", 55)
DATABASE_RETRY_AFTER = 30
HEALTHZ_TIMEOUT = 2
# Parallel query workers per statement (PostgreSQL's max_parallel_workers_per_gather).
# The portal's statements are short and many run at once: starting workers for one
# costs more than it saves (the project search at 10,000 projects: 37 against 30 ms),
# so it is off unless DJANGO_DB_PARALLEL_WORKERS says otherwise.
DATABASE_PARALLEL_WORKERS = env_int("DJANGO_DB_PARALLEL_WORKERS", 0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=DATABASE_CONNECT_TIMEOUT,
        options=(
            f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT * 1000}"
            f" -c max_parallel_workers_per_gather={DATABASE_PARALLEL_WORKERS}"
        ),
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
# A cache that does not answer within this is treated as down (twente.core.cache):
# redis-py would otherwise wait for ever on a host that drops packets.
REDIS_TIMEOUT_SECONDS = 0.5
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "twente",
            "OPTIONS": {
                "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
                "socket_timeout": REDIS_TIMEOUT_SECONDS,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The anonymous page cache (twente/core/cache.py): how long a page is kept at most,
# how long a CDN or caching proxy may keep it (browsers always revalidate, which the
# ETag makes cheap), and the apps whose every write invalidates all cached pages.
# Without REDIS_URL each server process has its own cache and counter: a change made in
# one process (or a management command) reaches the others only when their entries
# expire, so production sets REDIS_URL.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600 if REDIS_URL else 30)
PAGE_CACHE_SHARED_SECONDS = env_int("PAGE_CACHE_SHARED_SECONDS", 60)
PUBLIC_CONTENT_APPS = ("regions", "partners", "projects")

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Admin login guessing (see twente.core.lockout): five failures lock the pair of account
# name and address, twenty lock an address across accounts, for a set time that further
# attempts do not extend (django-axes would otherwise lock forever after three, lock
# every account of an address, and restart the time on each attempt).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_ADDRESS_FAILURE_LIMIT = env_int("AXES_ADDRESS_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "twente.core.lockout.AccountAndAddressHandler"
AXES_CLIENT_IP_CALLABLE = "twente.core.lockout.client_ip"
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False

# Contacts not verified for this many months are listed for review (AVG storage limitation).
CONTACT_RETENTION_MONTHS = env_int("CONTACT_RETENTION_MONTHS", 24)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"

# Languages: Dutch first and default; English and German beside it.
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("de", _("German")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"

MODELTRANSLATION_DEFAULT_LANGUAGE = "nl"
MODELTRANSLATION_LANGUAGES = ("nl", "en", "de")
# A missing German text shows the English one, then the Dutch one; never an empty page.
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("nl", "en"),
    "nl": ("en", "de"),
    "en": ("nl", "de"),
    "de": ("en", "nl"),
}

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# In development, serve static files straight from the apps and static/.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# An optional tile server for the map (no third-party host is contacted by default).
MAP_TILE_URL = env_str("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "")

# Open data: the licence every download and the DCAT catalogue state (CC0 1.0 by default,
# as Dutch government open data prefers), and whom re-users ask about the data.
OPEN_DATA_LICENSE_URL = env_str("OPEN_DATA_LICENSE_URL", "http://creativecommons.org/publicdomain/zero/1.0/")
OPEN_DATA_LICENSE_NAME = env_str("OPEN_DATA_LICENSE_NAME", "CC0 1.0")
OPEN_DATA_CONTACT_EMAIL = env_str("OPEN_DATA_CONTACT_EMAIL", "info-internationaal@enschede.nl")
OPEN_DATA_CONTACT_PHONE = env_str("OPEN_DATA_CONTACT_PHONE", "")

# Security headers. The portal serves every asset itself, so the policy is strict:
# nothing is allowed unless named, and no inline scripts or styles anywhere.
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *([MAP_TILE_URL.split("/{")[0]] if MAP_TILE_URL else [])],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "manifest-src": [CSP.SELF],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Browser features the portal does not use, turned off for it and anything it embeds.
PERMISSIONS_POLICY_DISABLED = [
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "encrypted-media",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "usb",
    "xr-spatial-tracking",
]
WHITENOISE_ADD_HEADERS_FUNCTION = add_static_headers
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Sessions (only staff sign in): they end when the browser closes, and after
# DJANGO_SESSION_HOURS at the latest.
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_HOURS", 8) * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A refused form in the portal's page and language, with the texts typed to copy.
CSRF_FAILURE_VIEW = "twente.views.csrf_failure"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    # HSTS for a year, subdomains included; DJANGO_HSTS_SECONDS=0 turns it off for a
    # test over plain HTTP. Preloading is a promise browsers keep for months after it
    # is withdrawn, so it is a decision for the domain's owner: DJANGO_HSTS_PRELOAD=1.
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
    if BEHIND_PROXY:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
        USE_X_FORWARDED_HOST = True
# The deploy check's advice to preload (W021) is that owner's decision, made above.
# W040: the map's covering indexes carry extra columns on PostgreSQL; SQLite, the
# embedded default, builds them as plain indexes, which is all it needs.
SILENCED_SYSTEM_CHECKS = ["security.W021", "models.W040"]

# /.well-known/security.txt (RFC 9116): where to report a vulnerability, a mailto: or
# https: URI. Unset, the file is not served and `check --deploy` says so.
SECURITY_CONTACT = env_str("DJANGO_SECURITY_CONTACT", "")
if SECURITY_CONTACT and not SECURITY_CONTACT.startswith(("mailto:", "https://")):
    raise ImproperlyConfigured(
        f"DJANGO_SECURITY_CONTACT must be a mailto: or https:// URI, not {SECURITY_CONTACT!r}."
    )
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line_warning": {"()": "twente.core.logs.OneLineWarning"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # A request for a host the portal does not serve: one warning line, no traceback.
        "django.security.DisallowedHost": {
            "handlers": ["console"],
            "filters": ["one_line_warning"],
            "level": "WARNING",
            "propagate": False,
        },
    },
}
