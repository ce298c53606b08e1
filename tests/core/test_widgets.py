"""The filter widgets written in Python give the markup of Django's widget templates
(whitespace aside), with values and labels escaped."""

import re

import pytest
from django import forms

from twente.core.widgets import PythonRenderedMixin, fast_widget

CHOICES = [("a", "Alpha & <b>"), ("b", "Beta")]
GROUPED = [("Group <1>", [("a", "Alpha")]), ("b", "Beta")]


def normalised(html):
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", str(html))).strip()


def by_template(widget, name, value):
    return forms.Widget._render(
        widget, widget.template_name, widget.get_context(name, value, {"id": f"id_{name}"})
    )


@pytest.mark.parametrize(
    ("widget", "value"),
    [
        (forms.TextInput(attrs={"maxlength": 200, "inputmode": "decimal"}), 'a<b"c'),
        (forms.NumberInput(attrs={"aria-invalid": "true"}), 12),
        (forms.TextInput(), None),
        (forms.CheckboxInput(), True),
        (forms.Select(choices=CHOICES), "b"),
        (forms.Select(choices=GROUPED), "a"),
        (forms.CheckboxSelectMultiple(choices=CHOICES, attrs={"class": "checks"}), ["a", "b"]),
        (forms.CheckboxSelectMultiple(choices=GROUPED), []),
        (forms.RadioSelect(choices=CHOICES), "a"),
    ],
)
def test_python_rendering_matches_the_templates(widget, value):
    expected = by_template(widget, "field", value)
    rendered = fast_widget(widget).render("field", value, {"id": "id_field"})
    assert isinstance(widget, PythonRenderedMixin)
    assert normalised(rendered) == normalised(expected)
    assert "<b>" not in rendered


def test_other_widgets_keep_their_templates():
    widget = fast_widget(forms.Textarea())
    assert normalised(widget.render("notes", "x<y")) == normalised(forms.Textarea().render("notes", "x<y"))
