"""Every database constraint, violated through the admin form (or inline row) that can
break it, answers with the form again (200, nothing lost) and a translated message at
the field concerned, never an IntegrityError page or the constraint's name."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    ContactFactory,
    InnovationDistrictFactory,
    MunicipalityFactory,
    ParticipationFactory,
    PartnerFactory,
    ProjectFactory,
    RegionFactory,
)
from tests.staff import form_data, staff_member
from twente.core.roles import LIAISON_OFFICER

pytestmark = pytest.mark.django_db

ENDS_BEFORE_START = "The end date cannot be before the start date."
OVER_BUDGET = "The EU contribution cannot be more than the total budget."
COORDINATES_PAIRED = "Give both latitude and longitude, or neither."
ONE_ORGANISATION = "Choose either a municipality or a partner organisation."
SECOND_LEAD = "A project has one lead partner; make the other participants partners."
PARTNER_TWICE = "This partner organisation already takes part in this project."
MUNICIPALITY_TWICE = "This municipality already takes part in this project."


@pytest.fixture
def liaison(client):
    client.force_login(staff_member(LIAISON_OFFICER, username="lotte"))
    return client


def with_rows(data, prefix, rows):
    """`data` with `rows` (dicts of field values) added to the inline `prefix` as new rows."""
    start = int(data[f"{prefix}-TOTAL_FORMS"])
    for offset, row in enumerate(rows):
        for name, value in row.items():
            data[f"{prefix}-{start + offset}-{name}"] = value
    data[f"{prefix}-TOTAL_FORMS"] = str(start + len(rows))
    return data


# Each case: (admin model, the item, the change to post, where the message must appear:
# a field name, or (inline prefix, row, field), the English message).
def project():
    return ProjectFactory(
        start_date="2024-01-01", end_date="2025-01-01", total_budget=1000, eu_contribution=500
    )


def participations(*rows):
    def change(obj, data):
        return with_rows(data, "participations", [{"role": "partner", **row} for row in rows])

    return change


def project_with_lead():
    participation = ParticipationFactory(role="lead", partner=PartnerFactory(), municipality=None)
    return participation.project


def partner_rows(prefix, *rows):
    def change(obj, data):
        return with_rows(data, prefix, [row(obj) if callable(row) else row for row in rows])

    return change


def fields(**values):
    def change(obj, data):
        data.update(values)
        return data

    return change


def contact_with_taken_email():
    ContactFactory(email="taken@example.org", partner=PartnerFactory(), municipality=None)
    return ContactFactory(partner=PartnerFactory(), municipality=None)


CASES = {
    "project_ends_after_start": (
        "projects.project",
        project,
        fields(start_date="2025-06-01", end_date="2025-01-01"),
        "end_date",
        ENDS_BEFORE_START,
    ),
    "project_budget_not_negative": (
        "projects.project",
        project,
        fields(total_budget="-5", eu_contribution=""),
        "total_budget",
        "The total budget cannot be negative.",
    ),
    "project_eu_contribution_not_negative": (
        "projects.project",
        project,
        fields(eu_contribution="-5"),
        "eu_contribution",
        "The EU contribution cannot be negative.",
    ),
    "project_eu_contribution_within_budget": (
        "projects.project",
        project,
        fields(total_budget="1000", eu_contribution="1500"),
        "eu_contribution",
        OVER_BUDGET,
    ),
    "project_coordinates_paired": (
        "projects.project",
        project,
        fields(latitude="52.2", longitude=""),
        "longitude",
        COORDINATES_PAIRED,
    ),
    "participation_exactly_one_organisation (none)": (
        "projects.project",
        project,
        participations({"partner": "", "municipality": "", "role": "lead"}),
        ("participations", 0, "partner"),
        ONE_ORGANISATION,
    ),
    "participation_exactly_one_organisation (both)": (
        "projects.project",
        project,
        lambda obj, data: participations(
            {"partner": str(PartnerFactory().pk), "municipality": str(MunicipalityFactory().pk)}
        )(obj, data),
        ("participations", 0, "partner"),
        ONE_ORGANISATION,
    ),
    "participation_one_lead (two new rows)": (
        "projects.project",
        project,
        lambda obj, data: participations(
            {"partner": str(PartnerFactory().pk), "role": "lead"},
            {"partner": str(PartnerFactory().pk), "role": "lead"},
        )(obj, data),
        ("participations", 1, "role"),
        SECOND_LEAD,
    ),
    "participation_one_lead (one stored)": (
        "projects.project",
        project_with_lead,
        lambda obj, data: participations({"partner": str(PartnerFactory().pk), "role": "lead"})(obj, data),
        ("participations", 1, "role"),
        SECOND_LEAD,
    ),
    "participation_unique_partner (two new rows)": (
        "projects.project",
        project,
        lambda obj, data: participations(*[{"partner": str(PartnerFactory(slug="twice").pk)}] * 2)(obj, data),
        ("participations", 1, "partner"),
        PARTNER_TWICE,
    ),
    "participation_unique_partner (one stored)": (
        "projects.project",
        project_with_lead,
        lambda obj, data: participations({"partner": str(obj.participations.get().partner_id)})(obj, data),
        ("participations", 1, "partner"),
        PARTNER_TWICE,
    ),
    "participation_unique_municipality": (
        "projects.project",
        project,
        lambda obj, data: participations(*[{"municipality": str(MunicipalityFactory(slug="twice").pk)}] * 2)(
            obj, data
        ),
        ("participations", 1, "municipality"),
        MUNICIPALITY_TWICE,
    ),
    "municipality_population_has_year": (
        "regions.municipality",
        MunicipalityFactory,
        fields(population="160000", population_year=""),
        "population_year",
        "Give the year of the population figure.",
    ),
    "municipality_coordinates_paired": (
        "regions.municipality",
        MunicipalityFactory,
        fields(latitude="", longitude="6.8"),
        "latitude",
        COORDINATES_PAIRED,
    ),
    "district_area_positive": (
        "regions.innovationdistrict",
        InnovationDistrictFactory,
        fields(area_hectares="0"),
        "area_hectares",
        "The area must be more than 0 hectares.",
    ),
    "district_coordinates_paired": (
        "regions.innovationdistrict",
        InnovationDistrictFactory,
        fields(latitude="52.2", longitude=""),
        "longitude",
        COORDINATES_PAIRED,
    ),
    "partner_coordinates_paired": (
        "partners.partner",
        PartnerFactory,
        fields(latitude="52.2", longitude=""),
        "longitude",
        COORDINATES_PAIRED,
    ),
    "relationship_one_twente_side": (
        "partners.partner",
        PartnerFactory,
        partner_rows(
            "relationships",
            lambda obj: {
                "kind": "partner_city",
                "municipality": str(MunicipalityFactory().pk),
                "region": str(RegionFactory().pk),
            },
        ),
        ("relationships", 0, "region"),
        "Choose a municipality or a region or alliance, not both.",
    ),
    "relationship_since_plausible": (
        "partners.partner",
        PartnerFactory,
        partner_rows("relationships", {"kind": "sister_city", "since_year": "1700"}),
        ("relationships", 0, "since_year"),
        "Give a year between 1800 and 2100.",
    ),
    "membership_exactly_one_member": (
        "partners.partner",
        PartnerFactory,
        partner_rows("members", {"since_year": "2020"}),
        ("members", 0, "member_municipality"),
        "Choose exactly one member: a municipality, a region or alliance, or an organisation.",
    ),
    "membership_not_of_itself": (
        "partners.partner",
        PartnerFactory,
        partner_rows("members", lambda obj: {"member_partner": str(obj.pk)}),
        ("members", 0, "member_partner"),
        "An organisation cannot be a member of itself.",
    ),
    "membership_unique_municipality": (
        "partners.partner",
        PartnerFactory,
        lambda obj, data: partner_rows(
            "members", *[{"member_municipality": str(MunicipalityFactory().pk)}] * 2
        )(obj, data),
        ("members", 1, "member_municipality"),
        "This municipality is already a member.",
    ),
    "membership_unique_region": (
        "partners.partner",
        PartnerFactory,
        lambda obj, data: partner_rows("members", *[{"member_region": str(RegionFactory().pk)}] * 2)(
            obj, data
        ),
        ("members", 1, "member_region"),
        "This region or alliance is already a member.",
    ),
    "membership_unique_partner": (
        "partners.partner",
        PartnerFactory,
        lambda obj, data: partner_rows("members", *[{"member_partner": str(PartnerFactory().pk)}] * 2)(
            obj, data
        ),
        ("members", 1, "member_partner"),
        "This organisation is already a member.",
    ),
    "contact_unique_email (two inline rows)": (
        "partners.partner",
        PartnerFactory,
        partner_rows(
            "contacts",
            *[
                {
                    "name": "Anna Jansen",
                    "kind": "person",
                    "email": "same@example.org",
                    "preferred_language": "nl",
                }
            ]
            * 2,
        ),
        ("contacts", 1, "email"),
        "Another contact already has this email address.",
    ),
    "contact_unique_email": (
        "partners.contact",
        contact_with_taken_email,
        fields(email="taken@example.org"),
        "email",
        "Another contact already has this email address.",
    ),
    "contact_exactly_one_organisation": (
        "partners.contact",
        lambda: ContactFactory(partner=PartnerFactory(), municipality=None),
        lambda obj, data: fields(municipality=str(MunicipalityFactory().pk))(obj, data),
        "partner",
        "Choose the contact's organisation: a municipality or a partner organisation, not both.",
    ),
    # contact_consent_has_date cannot be broken through the admin: ticking consent without
    # a date records today's (tests/partners/test_contacts_two.py); the model keeps the rule.
}


def errors_at(response, where):
    if isinstance(where, str):
        return response.context["adminform"].form.errors.get(where, [])
    prefix, row, field = where
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.prefix == prefix:
            return inline.formset.forms[row].errors.get(field, [])
    raise AssertionError(f"no inline {prefix}")


@pytest.mark.parametrize("language", ["nl", "de"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_constraint_violation_shows_its_translated_message_at_its_field(liaison, case, language):
    model_label, make, change, where, message = CASES[case]
    obj = make()
    app_label, model_name = model_label.split(".")
    url = reverse(f"admin:{app_label}_{model_name}_change", args=[obj.pk])
    liaison.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    data = change(obj, form_data(liaison.get(url)))

    response = liaison.post(url, data)

    assert response.status_code == 200, case  # the form again, with everything typed
    with translation.override(language):
        translated = translation.gettext(message)
    assert translated != message, f"{message!r} has no {language} translation"
    assert translated in errors_at(response, where), (case, response.context["errors"])
    assert translated in response.content.decode()
    assert "Constraint" not in response.content.decode()


def test_the_lead_can_move_to_another_participant_in_two_saves(liaison):
    """Make the lead a partner, then another participant the lead: no error on the way."""
    obj = project_with_lead()
    url = reverse("admin:projects_project_change", args=[obj.pk])
    data = form_data(liaison.get(url), **{"participations-0-role": "partner"})
    data = with_rows(data, "participations", [{"partner": str(PartnerFactory().pk), "role": "partner"}])
    response = liaison.post(url, data)
    assert response.status_code == 302
    data = form_data(liaison.get(url), **{"participations-1-role": "lead"})
    response = liaison.post(url, data)
    assert response.status_code == 302
    assert obj.participations.filter(role="lead").count() == 1
