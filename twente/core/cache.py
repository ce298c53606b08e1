"""The anonymous page cache and the site-wide generation counter that invalidates it.

A public page an anonymous visitor asks for is kept in the default cache (Redis when
`REDIS_URL` is set) under its scheme, host and full path with query string, so each
language and each filter combination is its own entry. Every entry records the
generation it was built in; `public_content_changed()` moves the generation on, and
from then on every older entry counts as missing. Nothing has to know which pages
show what: any change to public content invalidates them all, which at the portal's
rate of edits costs one rebuild per page.

The generation moves on:
- after the commit of every save, delete and many-to-many change of a model in the
  apps named by `PUBLIC_CONTENT_APPS` (signals connected in the core app's `ready()`,
  so admin saves, services, revert, management commands and data imports are all
  covered; one bump per transaction, however many rows it writes);
- after `migrate` (a deploy may change what pages show);
- when code writes without signals (`bulk_create`, `bulk_update`, `QuerySet.update`,
  raw SQL): it must call `public_content_changed()` itself.

Who never sees or fills the cache: any request carrying a session or messages cookie
(so staff, previews and anyone who logged in), any request with an `Authorization`
header, anything but GET and HEAD. A response is stored only when it is a complete
200 page, sets no cookie, is not marked private or no-store, did not use the CSRF
token or the CSP nonce, and is HTML, XML or JSON: so a stored page carries no secret
or nonce of the request that built it. Those pages, and the "not found" page under the
same conditions (sent but not kept), are also gzipped.

The cache is an aid, never a condition: when it fails (Redis down, or not answering
within `REDIS_TIMEOUT_SECONDS`) pages are built and served without it, and this process
leaves it alone for `OUTAGE_PAUSE_SECONDS` instead of waiting on it for each request. A
generation that could not be moved on is moved on at this process's next request that
finds the cache again, before any page is served from it; until then nothing is. (A
management command that changed content while the cache was away cannot do that: the
failure is logged, and cached pages may then be up to `PAGE_CACHE_SECONDS` old.)
"""

import gzip
import hashlib
import logging
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import has_vary_header, patch_vary_headers
from django.utils.http import parse_etags
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
GENERATION_KEY = "public-content-generation"
PAGE_KEY_PREFIX = "public-page"
CACHEABLE_TYPES = (
    "text/html",
    "application/xml",
    "text/xml",
    "application/atom+xml",
    "application/json",
    "text/turtle",  # the open-data catalogue
    "application/ld+json",
)
MIN_GZIP_BYTES = 200
# What a cache that is down or does not answer raises (a refused or timed-out socket).
CACHE_ERRORS = (RedisError, OSError)
OUTAGE_PAUSE_SECONDS = 5


class CacheOutage:
    """This process's view of the cache: usable, or failed lately (and then left alone
    for a while), and whether a generation is still to be moved on."""

    def __init__(self):
        self.clear()

    def clear(self):
        self.paused_until = 0.0
        self.generation_behind = False

    def began(self, doing, error):
        # One line, without the traceback: during an outage this comes every few seconds.
        logger.warning(
            "The page cache failed while %s (%s); pages are served without it for %s s.",
            doing,
            error,
            OUTAGE_PAUSE_SECONDS,
        )
        self.paused_until = time.monotonic() + OUTAGE_PAUSE_SECONDS

    def usable(self):
        """True when pages may be read from and stored in the cache."""
        if time.monotonic() < self.paused_until:
            return False
        if self.generation_behind:
            _bump_generation()
        return not self.generation_behind


outage = CacheOutage()


def current_generation():
    return cache.get(GENERATION_KEY, 0)


def _bump_generation():
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # no counter yet (new cache, or evicted): start one
            if not cache.add(GENERATION_KEY, 1, timeout=None):
                cache.incr(GENERATION_KEY)
    except CACHE_ERRORS as error:
        # Never an error for the write that changed content: it is committed. Cached
        # pages stay unused here until the generation moves on.
        outage.generation_behind = True
        outage.began("marking cached pages out of date", error)
    else:
        outage.generation_behind = False


def public_content_changed(using=DEFAULT_DB_ALIAS):
    """Every cached public page is out of date: call after any write a page may show.

    Inside a transaction the counter moves on at its commit (never on a rollback), once
    however often this is called in it; outside one, at once."""
    connection = connections[using]
    if not connection.in_atomic_block:
        _bump_generation()
        return
    already_scheduled = any(func is _bump_generation for _sids, func, _robust in connection.run_on_commit)
    if not already_scheduled:
        transaction.on_commit(_bump_generation, using=using)


def _is_public_content(sender):
    opts = sender._meta
    if hasattr(sender, "instance_type"):  # a django-simple-history record of a change
        return False
    return opts.app_label in settings.PUBLIC_CONTENT_APPS


def _on_write(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    if _is_public_content(sender):
        public_content_changed(using=using)


def _on_m2m_change(sender, instance, action, model, using=DEFAULT_DB_ALIAS, **kwargs):
    if action.startswith("post_") and (_is_public_content(type(instance)) or _is_public_content(model)):
        public_content_changed(using=using)


def _on_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    _bump_generation()


def connect_signals():
    from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

    post_save.connect(_on_write, dispatch_uid="twente-page-cache-save")
    post_delete.connect(_on_write, dispatch_uid="twente-page-cache-delete")
    m2m_changed.connect(_on_m2m_change, dispatch_uid="twente-page-cache-m2m")
    post_migrate.connect(_on_migrate, dispatch_uid="twente-page-cache-migrate")


def _may_use_cache(request):
    if settings.PAGE_CACHE_SECONDS <= 0:  # switched off (the test settings do)
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def _page_key(request):
    raw = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"{PAGE_KEY_PREFIX}:{hashlib.sha256(raw.encode()).hexdigest()}"


def _may_store(request, response):
    return response.status_code == 200 and _holds_no_secret(request, response)


def _holds_no_secret(request, response):
    """Nothing in it belongs to the request that built it: it may be kept for everyone,
    and compressed (a secret in a compressed page can be guessed from its size)."""
    if response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    if request.META.get("CSRF_COOKIE_USED") or getattr(request, "_csp_nonce", None):
        return False
    # A page is kept by its address alone: one negotiated by the Accept header (the
    # catalogue at /catalog) would be served in the first visitor's format to all.
    if has_vary_header(response, "Accept"):
        return False
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    return content_type in CACHEABLE_TYPES


def _accepts_gzip(request):
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


def _compressed(body):
    """The body gzipped, or None when it is too short to gain from it."""
    return gzip.compress(body, compresslevel=6, mtime=0) if len(body) >= MIN_GZIP_BYTES else None


def _gzipped(request, response):
    patch_vary_headers(response, ["Accept-Encoding"])
    compressed = _compressed(response.content) if _accepts_gzip(request) else None
    if compressed is not None:
        response.content = compressed
        response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(compressed))
    return response


def _not_modified(request, etag):
    if etag in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", "")) or "*" in request.META.get(
        "HTTP_IF_NONE_MATCH", ""
    ):
        response = HttpResponseNotModified()
        response["ETag"] = etag
        return response
    return None


class PublicPageCacheMiddleware:
    """Serves and stores anonymous public pages; first in `MIDDLEWARE`, so a hit skips
    the rest of the stack and replays the headers the full stack gave the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_use_cache(request):
            return self.get_response(request)
        try:
            key = _page_key(request)
        except Exception:  # a disallowed host: let the normal stack answer it with a 400
            return self.get_response(request)
        values = None
        if outage.usable():
            try:
                values = cache.get_many([GENERATION_KEY, key])
            except CACHE_ERRORS as error:
                outage.began("reading a page", error)
        if values is None:
            return self._uncached(request, self.get_response(request))
        generation = values.get(GENERATION_KEY, 0)
        entry = values.get(key)
        if entry is not None and entry["generation"] == generation:
            return self._replay(request, entry, hit=True)
        response = self.get_response(request)
        if not _may_store(request, response):
            return self._uncached(request, response)
        entry = self._entry(response, generation)
        try:
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        except CACHE_ERRORS as error:
            outage.began("storing a page", error)
        return self._replay(request, entry, hit=False)

    @staticmethod
    def _uncached(request, response):
        if response.status_code in (200, 404) and _holds_no_secret(request, response):
            # Not kept (a 404: any address can be asked for; a page while the cache is
            # away), but sent compressed.
            return _gzipped(request, response)
        return response

    @staticmethod
    def _entry(response, generation):
        body = response.content
        etag = f'W/"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"'
        compressed = _compressed(body)
        headers = {
            name: value
            for name, value in response.items()
            if name.lower() not in ("content-length", "content-encoding", "etag", "cache-control")
        }
        return {
            "generation": generation,
            "status": response.status_code,
            "headers": headers,
            "body": body,
            "gzip": compressed,
            "etag": etag,
        }

    @staticmethod
    def _replay(request, entry, *, hit):
        not_modified = _not_modified(request, entry["etag"])
        response = not_modified or HttpResponse(status=entry["status"])
        for name, value in entry["headers"].items():
            if not_modified is None or name.lower() in ("vary", "last-modified", "expires"):
                response[name] = value
        response["ETag"] = entry["etag"]
        response["Cache-Control"] = f"public, max-age=0, s-maxage={settings.PAGE_CACHE_SHARED_SECONDS}"
        response["X-Page-Cache"] = "hit" if hit else "miss"
        patch_vary_headers(response, ["Accept-Encoding"])
        if not_modified is not None:
            return not_modified
        body = entry["body"]
        if entry["gzip"] is not None and _accepts_gzip(request):
            body = entry["gzip"]
            response["Content-Encoding"] = "gzip"
        response.content = b"" if request.method == "HEAD" else body
        response["Content-Length"] = str(len(body))
        return response
