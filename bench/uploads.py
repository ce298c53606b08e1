"""Hostile spreadsheets: how long the reader takes to refuse each, and its peak memory.

Each file is built by tests/spreadsheets.py and read by `twente.core.uploads.read_table`
in a fresh process, so the figure is that process's own peak resident memory (the
issue's target: a worker stays under 300 MB whatever the file, and answers in under
5 s). Prints figures; asserts nothing.

    .venv/bin/python bench/uploads.py
"""

import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CASES = {
    "shared strings unpacking to 700 MB": "spreadsheets.shared_strings_bomb(megabytes=700)",
    "wide sheet, 16,384 columns, declared": "spreadsheets.wide_sheet(columns=16_384, rows=20)",
    "wide sheet, 16,384 columns, undeclared": (
        "spreadsheets.wide_sheet(columns=16_384, rows=20, declare=False)"
    ),
    "XML nested 200,000 deep": "spreadsheets.deep_xml()",
    "5,000 parts": "spreadsheets.many_members(5_000)",
    "billion laughs": "spreadsheets.entity_bomb()",
    "60,000 rows": "spreadsheets.long_sheet(rows=60_000, declare=False)",
}

CHILD = """
import sys, time, resource
sys.path.insert(0, {root!r})
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twente.settings_test")
django.setup()
from tests import spreadsheets
from twente.core.uploads import UploadError, read_table
content = {build}
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    table = read_table(content, "upload.xlsx")
    for _ in table.rows:
        pass
    outcome = "read"
except UploadError as error:
    outcome = "refused: " + str(error)[:60]
seconds = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"{{len(content) / 1024:8.0f}} KB {{seconds:6.2f}} s  peak {{after / 1024:6.0f}} MB "
      f"(+{{(after - before) / 1024:4.0f}} MB)  {{outcome}}")
"""

for name, build in CASES.items():
    print(f"{name:40}", end=" ", flush=True)
    subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT), build=build)], check=True)
print(f"(this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; {time.ctime()})")
