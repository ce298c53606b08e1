import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from partners.models import Contact, Membership, normalise_phone, validate_international_phone
from tests.factories import ContactFactory, MunicipalityFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def test_contact_without_organisation_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Contact.objects.create(name="Nobody", email="nobody@example.org")


def test_contact_with_two_organisations_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Contact.objects.create(
            name="Twice",
            email="twice@example.org",
            municipality=MunicipalityFactory(),
            partner=PartnerFactory(),
        )


def test_contact_of_a_municipality_or_a_partner_is_accepted():
    assert ContactFactory(partner=PartnerFactory()).organisation is not None
    contact = ContactFactory(partner=None, municipality=MunicipalityFactory(name_nl="Enschede"))
    assert contact.organisation.name == "Enschede"


def test_mailing_consent_needs_a_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactFactory(mailing_consent=True, mailing_consent_date=None)


def test_consent_and_verification_dates_cannot_lie_in_the_future():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    contact = ContactFactory.build(
        partner=PartnerFactory(), mailing_consent=True, mailing_consent_date=timezone.localdate()
    )
    contact.full_clean()
    contact.mailing_consent_withdrawn_on = contact.last_verified = tomorrow
    with pytest.raises(ValidationError) as refused:
        contact.full_clean()
    with translation.override("de"):
        assert refused.value.message_dict == {
            "mailing_consent_withdrawn_on": ["Dieses Datum liegt in der Zukunft."],
            "last_verified": ["Dieses Datum liegt in der Zukunft."],
        }


def test_two_contacts_cannot_share_an_email_but_many_may_have_none():
    ContactFactory(email="same@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactFactory(email="same@example.org")
    ContactFactory(email="")
    ContactFactory(email="")


def test_contact_clean_explains_the_organisation_rule():
    contact = Contact(name="Loose", email="loose@example.org")
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        contact.full_clean()
    assert refused.value.message_dict["partner"] == [
        "Choose the contact's organisation: a municipality or a partner organisation, not both."
    ]


@pytest.mark.parametrize("number", ["+31 53 481 8181", "+49 251 4920"])
def test_international_phone_numbers_are_valid(number):
    validate_international_phone(number)


@pytest.mark.parametrize("number", ["053 481 8181", "not a number", "+31 1"])
def test_local_or_wrong_phone_numbers_are_refused(number):
    with pytest.raises(ValidationError):
        validate_international_phone(number)


def test_phone_is_normalised_to_e164():
    assert normalise_phone("+31 (0)53 481 8181") == "+31534818181"


def test_membership_needs_exactly_one_member():
    network = PartnerFactory(kind="network")
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(network=network)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            network=network, member_municipality=MunicipalityFactory(), member_partner=PartnerFactory()
        )
    Membership.objects.create(network=network, member_municipality=MunicipalityFactory())
