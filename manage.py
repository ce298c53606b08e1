#!/usr/bin/env python
"""Django's command-line utility for the Netwerkstad Twente portal."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twente.settings")
    # Commands (migrate, imports) may run long statements; web requests keep theirs.
    os.environ.setdefault("DJANGO_DB_STATEMENT_TIMEOUT", "0")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
