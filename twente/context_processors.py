import re

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language, get_language_info


def language_links(request):
    """The current page in each language, for the switcher and `hreflang` links.

    Slugs are the same in every language, so translating the path keeps the visitor
    on the same item; the query string (filters) is kept too. A path that does not
    resolve (a 404 page) cannot be translated: its links lead to each language's home
    page rather than to the same missing page in the wrong language.
    """
    query = request.META.get("QUERY_STRING", "")
    current = get_language()
    resolves = getattr(request, "resolver_match", None) is not None
    # The bare page in each language (each translation resolves and reverses the path).
    bare = {code: translate_url(request.path, code) for code, _name in settings.LANGUAGES} if resolves else {}
    links = []
    for code, _name in settings.LANGUAGES:
        if resolves:
            url = f"{bare[code]}?{query}" if query else bare[code]
        elif code == current:
            url = request.path
        else:
            with translation.override(code):
                url = reverse("home")
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "url": url,
                "is_current": code == current,
            }
        )
    if not resolves:
        # A missing page has no versions in other languages: no alternates, no canonical.
        return {"language_links": links, "alternate_links": [], "canonical_url": None}
    # Filter variants of a list point to the bare list as canonical. A later page of the
    # unfiltered list is its own canonical page (search engines index a paged list only
    # so, as Google advises). The alternates name the same pages in the other languages,
    # with x-default on the Dutch one as in the sitemap.
    page = _later_page(request)
    paged = f"?page={page}" if page else ""
    alternates = [{"code": code, "url": path + paged} for code, path in bare.items()]
    alternates.append({"code": "x-default", "url": bare[settings.LANGUAGE_CODE] + paged})
    return {
        "language_links": links,
        "alternate_links": alternates,
        "canonical_url": request.build_absolute_uri(request.path + paged),
    }


def _later_page(request):
    """The page number when the address is nothing but a page after the first."""
    page = request.GET.get("page", "")
    return page if list(request.GET) == ["page"] and re.fullmatch(r"[2-9]|[1-9][0-9]+", page) else None
