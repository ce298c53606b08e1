"""Partner organisations across the border and beyond, their ties with Twente, their
memberships of networks, and the contact persons the liaison officer keeps."""

import datetime
import functools
from datetime import timedelta

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regions.models import Country, Municipality, Region, Theme
from twente.core.models import (
    ConstraintFieldsMixin,
    GeoPointModel,
    PublicationState,
    PublishableModel,
    PublishableQuerySet,
    TimeStampedModel,
)
from twente.core.translation_status import OutdatedTranslationsModel


class PartnerKind(models.TextChoices):
    CITY = "city", _("City")
    REGION = "region", _("Region")
    NETWORK = "network", _("Network or alliance")
    KNOWLEDGE_INSTITUTE = "knowledge_institute", _("Knowledge institute")
    COMPANY = "company", _("Company or innovation organisation")
    GOVERNMENT = "government", _("Government body")


# What a partner's card shows of a linked municipality or region: its name, linked when published.
PLACE_FIELDS = ("slug", "name", "publication_state")


class PartnerQuerySet(PublishableQuerySet):
    def with_ties(self):
        """Each partner's ties with Twente (`relationships`), with only the slug, name
        and state of the municipality or region of each: what a card shows of them."""
        return self.prefetch_related(
            models.Prefetch(
                "relationships",
                queryset=Relationship.objects.select_related("municipality", "region").only(
                    "partner",
                    "kind",
                    "since_year",
                    *(f"{side}__{field}" for side in ("municipality", "region") for field in PLACE_FIELDS),
                ),
            )
        )

    def for_list(self):
        """The partner list and its open data: each card shows its kind, place and ties
        with Twente. The descriptions no card or column shows stay unread: with them and
        every column of the ties' places, the 20 cards took 12 ms to fetch at 2,000
        partners."""
        return (
            self.published()
            .select_related("located_in")
            .defer("description", "located_in__summary", "located_in__description")
            .with_ties()
        )

    def for_detail(self):
        """The partner page: ties with Twente (and with whom), networks, members."""
        return (
            self.published()
            .select_related("located_in")
            .prefetch_related(
                models.Prefetch(
                    "relationships",
                    queryset=Relationship.objects.select_related("municipality", "region"),
                ),
                models.Prefetch(
                    "memberships",
                    queryset=Membership.objects.select_related("network"),
                ),
                models.Prefetch(
                    "members",
                    queryset=Membership.objects.select_related(
                        "member_partner", "member_municipality", "member_region"
                    ),
                ),
            )
        )


class Partner(OutdatedTranslationsModel, PublishableModel, GeoPointModel):
    """An organisation Twente works with: a city, network, institute, company or body."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=PartnerKind)
    country = models.CharField(_("country"), max_length=2, choices=Country, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    located_in = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="partners_located",
        null=True,
        blank=True,
        verbose_name=_("located in (Twente municipality)"),
    )
    website = models.URLField(_("website"), blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)

    objects = PartnerQuerySet.as_manager()
    constraint_fields = GeoPointModel.coordinates_constraint_fields("partner")

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]
        constraints = GeoPointModel.coordinates_constraints("partner")
        # The partner list's order in each language (the ordering by name reads the
        # language's own column, name_en on /en/): a page is read from the index rather
        # than by sorting every published partner (3.5 against 0.1 ms at 2,000).
        indexes = [
            models.Index(
                fields=[f"name_{code}"],
                condition=Q(publication_state=PublicationState.PUBLISHED),
                name=f"partner_published_name_{code}",
            )
            for code in settings.MODELTRANSLATION_LANGUAGES
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partners:partner-detail", kwargs={"slug": self.slug})


class RelationshipKind(models.TextChoices):
    PARTNER_CITY = "partner_city", _("Partner city")
    SISTER_CITY = "sister_city", _("Sister city")
    EUROREGION = "euroregion", _("Euroregion")
    CROSS_BORDER = "cross_border", _("Cross-border cooperation")
    NETWORK = "network", _("Network membership")
    KNOWLEDGE = "knowledge", _("Knowledge partner")


class Relationship(OutdatedTranslationsModel, ConstraintFieldsMixin, models.Model):
    """How a partner is tied to Twente, and since when (Münster: partner city of
    Enschede since 2021). The Twente side is a municipality, a region, or neither
    when the tie is with Twente as a whole."""

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="relationships", verbose_name=_("partner")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=RelationshipKind)
    since_year = models.PositiveSmallIntegerField(_("since"), null=True, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="partner_relationships",
        null=True,
        blank=True,
        verbose_name=_("with municipality"),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="partner_relationships",
        null=True,
        blank=True,
        verbose_name=_("with region or alliance"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    constraint_fields = {
        "relationship_one_twente_side": "region",
        "relationship_since_plausible": "since_year",
    }

    class Meta:
        verbose_name = _("relationship with Twente")
        verbose_name_plural = _("relationships with Twente")
        ordering = ["since_year", "kind"]
        constraints = [
            models.CheckConstraint(
                condition=Q(municipality__isnull=True) | Q(region__isnull=True),
                name="relationship_one_twente_side",
                violation_error_code="two_twente_sides",
                violation_error_message=_("Choose a municipality or a region or alliance, not both."),
            ),
            models.CheckConstraint(
                condition=Q(since_year__isnull=True) | Q(since_year__gte=1800, since_year__lte=2100),
                name="relationship_since_plausible",
                violation_error_code="since_implausible",
                violation_error_message=_("Give a year between 1800 and 2100."),
            ),
        ]

    def __str__(self):
        counterpart = self.municipality or self.region or "Twente"
        if self.since_year:
            return f"{self.get_kind_display()} ({counterpart}, {self.since_year})"
        return f"{self.get_kind_display()} ({counterpart})"


class Membership(ConstraintFieldsMixin, models.Model):
    """Membership of a network or body (MONT, Twente Board, Eurocities, Dutch German
    Tech.Land). The member is exactly one of a municipality, a region or a partner."""

    network = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="members", verbose_name=_("network or body")
    )
    member_municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="memberships",
        null=True,
        blank=True,
        verbose_name=_("member municipality"),
    )
    member_region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="memberships",
        null=True,
        blank=True,
        verbose_name=_("member region or alliance"),
    )
    member_partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="memberships",
        null=True,
        blank=True,
        verbose_name=_("member organisation"),
    )
    since_year = models.PositiveSmallIntegerField(_("since"), null=True, blank=True)

    constraint_fields = {
        "membership_exactly_one_member": "member_municipality",
        "membership_not_of_itself": "member_partner",
        "membership_unique_municipality": "member_municipality",
        "membership_unique_region": "member_region",
        "membership_unique_partner": "member_partner",
    }

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        member_municipality__isnull=False,
                        member_region__isnull=True,
                        member_partner__isnull=True,
                    )
                    | Q(
                        member_municipality__isnull=True,
                        member_region__isnull=False,
                        member_partner__isnull=True,
                    )
                    | Q(
                        member_municipality__isnull=True,
                        member_region__isnull=True,
                        member_partner__isnull=False,
                    )
                ),
                name="membership_exactly_one_member",
                violation_error_code="not_one_member",
                violation_error_message=_(
                    "Choose exactly one member: a municipality, a region or alliance, or an organisation."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(member_partner=models.F("network")),
                name="membership_not_of_itself",
                violation_error_code="member_of_itself",
                violation_error_message=_("An organisation cannot be a member of itself."),
            ),
            models.UniqueConstraint(
                fields=["network", "member_municipality"],
                condition=Q(member_municipality__isnull=False),
                name="membership_unique_municipality",
                violation_error_code="duplicate_member",
                violation_error_message=_("This municipality is already a member."),
            ),
            models.UniqueConstraint(
                fields=["network", "member_region"],
                condition=Q(member_region__isnull=False),
                name="membership_unique_region",
                violation_error_code="duplicate_member",
                violation_error_message=_("This region or alliance is already a member."),
            ),
            models.UniqueConstraint(
                fields=["network", "member_partner"],
                condition=Q(member_partner__isnull=False),
                name="membership_unique_partner",
                violation_error_code="duplicate_member",
                violation_error_message=_("This organisation is already a member."),
            ),
        ]

    def __str__(self):
        return f"{self.member} — {self.network}"

    @property
    def member(self):
        return self.member_municipality or self.member_region or self.member_partner


class ContactKind(models.TextChoices):
    PERSON = "person", _("Person")
    MAILBOX = "mailbox", _("Functional mailbox")


def validate_international_phone(value):
    """A phone number in international form (+31 53 481 8181), one that exists."""
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        raise ValidationError(
            _("Enter the phone number in international form, starting with + and the country code."),
            code="invalid_phone",
        ) from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(_("This is not a valid phone number."), code="invalid_phone")


def validate_not_in_future(value):
    """A date something happened on (consent given or withdrawn, a check): not after
    today. A mistyped year (2062 for 2026) would keep a contact out of the queue of
    contacts to verify for decades."""
    if value and value > timezone.localdate():
        raise ValidationError(_("This date lies in the future."), code="date_in_future")


def normalise_phone(value):
    """E.164 form of a phone number, or the value unchanged when it does not parse."""
    return _format_phone(value, phonenumbers.PhoneNumberFormat.E164)


def display_phone(value):
    """A stored (E.164) number in international form with spaces: +31 53 481 8181."""
    return _format_phone(value, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def phone_uri(value):
    """A number as a tel: URI (RFC 3966): tel:+31-53-481-8181."""
    return _format_phone(value, phonenumbers.PhoneNumberFormat.RFC3966)


@functools.lru_cache(maxsize=8192)
def _format_phone(value, number_format):
    # Parsing is slow (a large export formats thousands); organisations share numbers.
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(number, number_format)


def months_ago(today, months):
    """The same day `months` calendar months back (clamped to the month's length)."""
    month_index = today.year * 12 + today.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for day in (today.day, 30, 29, 28):
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


# A contact not verified within this time needs attention in the admin.
VERIFICATION_MAX_AGE = timedelta(days=365)


def not_verified_recently_q(today=None):
    """Contacts never verified, or not in the last twelve months."""
    today = today or timezone.localdate()
    return Q(last_verified__isnull=True) | Q(last_verified__lt=today - VERIFICATION_MAX_AGE)


class ContactQuerySet(models.QuerySet):
    def public(self):
        """Contacts that may be shown on public pages."""
        return self.filter(is_public=True)

    def not_verified_recently(self):
        return self.filter(not_verified_recently_q())

    def verified_recently(self):
        return self.exclude(not_verified_recently_q())

    def due_for_retention_review(self, today=None):
        """Contacts not verified for `CONTACT_RETENTION_MONTHS` (or never): keep them
        only after checking that they are still wanted (AVG storage limitation)."""
        today = today or timezone.localdate()
        cutoff = months_ago(today, settings.CONTACT_RETENTION_MONTHS)
        return self.filter(Q(last_verified__isnull=True) | Q(last_verified__lt=cutoff))

    def with_consent(self):
        """Contacts who consented to mailings and did not withdraw."""
        return self.filter(mailing_consent=True)


class Contact(ConstraintFieldsMixin, TimeStampedModel):
    """A contact person or functional mailbox of exactly one organisation: a
    municipality or a partner (the database refuses none or two)."""

    kind = models.CharField(_("kind"), max_length=10, choices=ContactKind, default=ContactKind.PERSON)
    name = models.CharField(_("name"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="contacts",
        null=True,
        blank=True,
        verbose_name=_("municipality"),
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="contacts",
        null=True,
        blank=True,
        verbose_name=_("partner organisation"),
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=32,
        blank=True,
        validators=[validate_international_phone],
        help_text=_("International form, e.g. +31 53 481 8181."),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES, default="nl"
    )
    topics = models.ManyToManyField(Theme, related_name="contacts", blank=True, verbose_name=_("topics"))
    is_public = models.BooleanField(
        _("may be shown publicly"),
        default=False,
        help_text=_("Only then do name, job title and work email appear on public pages."),
    )
    mailing_consent = models.BooleanField(_("consents to mailings"), default=False)
    mailing_consent_date = models.DateField(
        _("consent given on"), null=True, blank=True, validators=[validate_not_in_future]
    )
    mailing_consent_withdrawn_on = models.DateField(
        _("consent withdrawn on"),
        null=True,
        blank=True,
        validators=[validate_not_in_future],
        help_text=_("Set when the person withdraws consent; the contact itself is kept."),
    )
    last_verified = models.DateField(
        _("last verified on"), null=True, blank=True, validators=[validate_not_in_future]
    )
    notes = models.TextField(_("internal notes"), blank=True)

    objects = ContactQuerySet.as_manager()
    constraint_fields = {
        "contact_exactly_one_organisation": "partner",
        "contact_consent_has_date": "mailing_consent_date",
        "contact_unique_email": "email",
    }

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name"]
        permissions = [
            ("export_contacts", _("Can export contact lists")),
            ("import_contacts", _("Can import contacts")),
            ("access_contact_data", _("Can download everything stored about a contact (GDPR access)")),
            ("erase_contacts", _("Can erase contacts and their history (GDPR erasure)")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(municipality__isnull=False, partner__isnull=True)
                    | Q(municipality__isnull=True, partner__isnull=False)
                ),
                name="contact_exactly_one_organisation",
                violation_error_code="not_one_organisation",
                violation_error_message=_(
                    "Choose the contact's organisation: a municipality or a partner organisation, not both."
                ),
            ),
            models.CheckConstraint(
                condition=Q(mailing_consent=False) | Q(mailing_consent_date__isnull=False),
                name="contact_consent_has_date",
                violation_error_code="consent_date_missing",
                violation_error_message=_("Give the date on which consent was given."),
            ),
            models.UniqueConstraint(
                fields=["email"],
                condition=~Q(email=""),
                name="contact_unique_email",
                violation_error_code="duplicate_email",
                violation_error_message=_("Another contact already has this email address."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def organisation(self):
        return self.municipality or self.partner

    def clean(self):
        # The organisation and the consent date are checked by the constraints, whose
        # messages appear at their fields (see `constraint_fields`).
        super().clean()
        self.email = self.email.strip().lower()
        self.phone = normalise_phone(self.phone)

    @property
    def phone_display(self):
        return display_phone(self.phone)


class ExportFormat(models.TextChoices):
    CSV = "csv", _("CSV")
    XLSX = "xlsx", _("Excel")
    VCARD = "vcard", _("vCard")
    EMAILS = "emails", _("Email addresses for BCC")


class ExportPurpose(models.TextChoices):
    CONTACT_LIST = "list", _("Contact list (internal use: a delegation, a conference)")
    MAILING = "mailing", _("Mailing (only contacts who consented to mailings)")


class ContactExportLogQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Administrators see every export; everybody else only their own."""
        if user.is_superuser:
            return self
        return self.filter(user=user)


class ContactExportLog(models.Model):
    """Who exported which contacts, when, for what, how filtered and in what format.

    Written by the export service only; nobody edits or deletes it in the admin. The
    contacts themselves are in `entries`, so "who received my data?" has an answer."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="contact_exports",
        verbose_name=_("user"),
    )
    created_at = models.DateTimeField(_("exported at"), auto_now_add=True, db_index=True)
    export_format = models.CharField(_("format"), max_length=20, choices=ExportFormat)
    purpose = models.CharField(
        _("purpose"), max_length=20, choices=ExportPurpose, default=ExportPurpose.CONTACT_LIST
    )
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    contact_count = models.PositiveIntegerField(_("contacts exported"))
    excluded_count = models.PositiveIntegerField(_("contacts left out"), default=0)

    objects = ContactExportLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact export")
        verbose_name_plural = _("contact export log")
        ordering = ["-created_at"]

    def __str__(self):
        when = timezone.localtime(self.created_at) if self.created_at else None
        return f"{self.user} · {self.get_export_format_display()} · {when:%Y-%m-%d %H:%M}"


class ExportedContact(models.Model):
    """One contact in one export. An erased contact leaves the row with no contact:
    the log keeps only that an erased contact was included."""

    log = models.ForeignKey(
        ContactExportLog, on_delete=models.CASCADE, related_name="entries", verbose_name=_("export")
    )
    contact = models.ForeignKey(
        Contact,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="export_entries",
        verbose_name=_("contact"),
    )

    class Meta:
        verbose_name = _("exported contact")
        verbose_name_plural = _("exported contacts")
        indexes = [models.Index(fields=["contact", "log"], name="exportedcontact_contact_log")]

    def __str__(self):
        return str(self.contact) if self.contact_id else str(_("an erased contact"))


class ContactList(TimeStampedModel):
    """A named, saved list of contacts ("Delegation Münster 2027"), shared between
    liaison officers, made from the export filters or a selection and kept by hand."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    members = models.ManyToManyField(Contact, related_name="lists", blank=True, verbose_name=_("members"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_lists",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("saved contact list")
        verbose_name_plural = _("saved contact lists")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PrivacyAction(models.TextChoices):
    ACCESS = "access", _("Access: all data of a person downloaded")
    ERASURE = "erasure", _("Erasure: a contact and its history erased")
    VERIFIED = "verified", _("Retention review: marked as verified")


class ContactPrivacyLog(models.Model):
    """Every exercise of a data-protection right (AVG/GDPR), written by the services.
    An erasure keeps only the former record number, never the person's data."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="contact_privacy_actions",
        verbose_name=_("user"),
    )
    created_at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    action = models.CharField(_("action"), max_length=20, choices=PrivacyAction)
    contact = models.ForeignKey(
        Contact,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="privacy_actions",
        verbose_name=_("contact"),
    )
    contact_number = models.PositiveIntegerField(_("contact record number"))

    class Meta:
        verbose_name = _("data protection action")
        verbose_name_plural = _("data protection log")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_action_display()} · #{self.contact_number}"
