"""Django's `{# #}` comment is one line only: one that goes on to the next line is shown
to visitors as text (the funding page showed two, in every language)."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = sorted(
    path for path in ROOT.glob("**/templates/**/*.*") if ".venv" not in path.parts and path.is_file()
)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_comment_runs_over_two_lines(template):
    lines = template.read_text(encoding="utf-8").splitlines()
    broken = [number for number, line in enumerate(lines, start=1) if "{#" in line.split("#}")[-1]]
    assert broken == [], f"a {{# comment runs on past line(s) {broken}: use {{% comment %}}"
