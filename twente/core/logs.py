"""Logging helpers."""

import logging


class OneLineWarning(logging.Filter):
    """Turns a record into a one-line warning without its traceback: for events that
    are expected on the public internet (a request with a forged Host header) and
    would otherwise fill the log with tracebacks, one per request."""

    def filter(self, record):
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = None
        record.stack_info = None
        return True
