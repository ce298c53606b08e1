"""Filter widgets rendered in Python, with the HTML of Django's widget templates.

Django renders every widget, option and attribute list through its own small
templates: the project list's filter form (about 70 options) took some 25 ms of its
page's time in them. The lists' filter widgets are plain inputs, selects and groups
of checkboxes or radios; `fast_widget(widget)` gives each the same markup written
directly, and leaves any other widget to its templates."""

from functools import cache

from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe

INPUT_TEMPLATES = {
    "django/forms/widgets/input.html",
    "django/forms/widgets/text.html",
    "django/forms/widgets/number.html",
    "django/forms/widgets/search.html",
    "django/forms/widgets/email.html",
    "django/forms/widgets/url.html",
    "django/forms/widgets/date.html",
    "django/forms/widgets/hidden.html",
    "django/forms/widgets/checkbox.html",
}
SELECT_TEMPLATES = {"django/forms/widgets/select.html"}
MULTIPLE_INPUT_TEMPLATES = {
    "django/forms/widgets/checkbox_select.html",
    "django/forms/widgets/radio.html",
    "django/forms/widgets/multiple_input.html",
}


def _attrs(attrs):
    # attrs.html: False leaves the attribute out, True writes its name alone.
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above


def _input(widget):
    value = "" if widget["value"] is None else format_html(' value="{}"', str(widget["value"]))
    return format_html(
        '<input type="{}" name="{}"{}{}>', widget["type"], widget["name"], value, _attrs(widget["attrs"])
    )


def _option(option):
    return format_html(
        '<option value="{}"{}>{}</option>', str(option["value"]), _attrs(option["attrs"]), option["label"]
    )


def _select(widget):
    groups = []
    for group_name, options, _index in widget["optgroups"]:
        rendered = format_html_join("", "\n  {}", ((_option(option),) for option in options))
        if group_name:
            rendered = format_html('\n  <optgroup label="{}">{}\n  </optgroup>', group_name, rendered)
        groups.append(rendered)
    return format_html(
        '<select name="{}"{}>{}\n</select>',
        widget["name"],
        _attrs(widget["attrs"]),
        mark_safe("".join(groups)),  # noqa: S308
    )


def _input_option(option):
    control = _input(option)
    if not option.get("wrap_label"):
        return control
    label_for = format_html(' for="{}"', option["attrs"]["id"]) if option["attrs"].get("id") else ""
    return format_html("<label{}>{} {}</label>", label_for, control, option["label"])


def _multiple_input(widget):
    attrs = widget["attrs"]
    opening = format_html(
        "<div{}{}>",
        format_html(' id="{}"', attrs["id"]) if attrs.get("id") else "",
        format_html(' class="{}"', attrs["class"]) if attrs.get("class") else "",
    )
    groups = []
    for group, options, _index in widget["optgroups"]:
        rendered = format_html_join(
            "", "<div>\n    {}</div>", ((_input_option(option),) for option in options)
        )
        if group:
            rendered = format_html("\n  <div><label>{}</label>{}\n  </div>", group, rendered)
        groups.append(rendered)
    return format_html("{}{}\n</div>", opening, mark_safe("".join(groups)))  # noqa: S308


class PythonRenderedMixin:
    def _render(self, template_name, context, renderer=None):
        widget = context["widget"]
        if template_name in INPUT_TEMPLATES:
            return _input(widget)
        if template_name in SELECT_TEMPLATES:
            return _select(widget)
        if template_name in MULTIPLE_INPUT_TEMPLATES:
            return _multiple_input(widget)
        return super()._render(template_name, context, renderer)


@cache
def _fast_class(widget_class):
    return type(widget_class.__name__, (PythonRenderedMixin, widget_class), {})


def fast_widget(widget):
    """`widget`, rendered in Python where its template is one of Django's plain ones."""
    if not isinstance(widget, PythonRenderedMixin):
        widget.__class__ = _fast_class(type(widget))
    return widget
