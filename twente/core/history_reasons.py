"""History reasons: what a service writes as a history record's reason is a code, with a
detail after a colon where it needs one (a file name, a version), and the history
shows it in the reader's language. Each app registers the codes it writes beside the
service that writes them; a reason no code explains is shown as stored."""

# simple-history's history_change_reason column.
MAX_LENGTH = 100

_LABELS = {}


def register(code, label):
    """Register `code`, returning it. `label` is a lazy translation, with %(detail)s for
    the text after the colon, or a function of (detail, version_numbers)."""
    _LABELS[code] = label
    return code


def reason(code, detail=""):
    """The reason to store: `code`, with `detail` after a colon (cut to fit the column)."""
    return f"{code}:{detail}"[:MAX_LENGTH] if detail else code


def reason_label(stored, version_numbers=None):
    """The stored reason as a reader reads it. `version_numbers` maps history ids to
    version numbers, for labels that name a version."""
    if not stored:
        return ""
    code, _colon, detail = stored.partition(":")
    label = _LABELS.get(code)
    if label is None:
        return stored
    if callable(label):
        return label(detail, version_numbers or {})
    return str(label) % {"detail": detail}
