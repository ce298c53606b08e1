"""What an admin form posted that could not be saved (the database away, the session
changed, the item deleted meanwhile): its fields, to send again where that is safe, and
the texts typed, to copy. Read from the request alone: nothing else may be up."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import RawPostDataException, UnreadablePostError
from django.http.multipartparser import MultiPartParserError

ADMIN_PREFIX = "/admin/"


def _is_typed_text(name, value):
    """A text someone typed, worth listing to copy: a field in one of the languages, or
    a value with a space in it (not a key, a choice, a count or the form's token)."""
    if "__prefix__" in name or not value.strip():
        return False
    language_field = name.rsplit("_", 1)[-1] in dict(settings.LANGUAGES)
    return language_field or any(char.isspace() for char in value.strip())


def unsaved_form(request):
    """What an admin form posted, to send again: its address, every field, and the
    texts typed (for copying). None for anything else, or a body that cannot be read."""
    if request is None or request.method != "POST" or not request.path_info.startswith(ADMIN_PREFIX):
        return None
    try:
        fields = [(name, value) for name, values in request.POST.lists() for value in values]
        has_files = bool(request.FILES)
    except (
        RequestDataTooBig,
        TooManyFieldsSent,
        TooManyFilesSent,
        UnreadablePostError,
        RawPostDataException,
        MultiPartParserError,
    ):
        return None
    typed = [(name, value) for name, value in fields if _is_typed_text(name, value)]
    return {"action": request.get_full_path(), "fields": fields, "typed": typed, "has_files": has_files}


def typed_texts(request):
    """The texts typed into an admin form that was posted, as (field, text) pairs."""
    return (unsaved_form(request) or {}).get("typed", [])
