"""Model building blocks shared by the portal's apps."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, router
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PublicationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """The only way public pages reach content: published items alone."""
        return self.filter(publication_state=PublicationState.PUBLISHED)


class ConstraintFieldsMixin:
    """Reports a database constraint's violation at the field the editor has to change.

    Django reports a check or conditional unique constraint as an error of the whole
    form; `constraint_fields` maps a constraint's name to its field (or to a function of
    the instance that picks it), so the message appears beside that field. A field the
    form does not show keeps the message at the form's top."""

    constraint_fields = {}

    def constraint_field(self, constraint, exclude=None):
        field = self.constraint_fields.get(constraint.name)
        if callable(field):
            field = field(self)
        if field is None or (exclude and field in exclude):
            return None
        return field

    def validate_constraints(self, exclude=None):
        using = router.db_for_write(type(self), instance=self)
        errors = {}
        for model_class, constraints in self.get_constraints():
            for constraint in constraints:
                try:
                    constraint.validate(model_class, self, exclude=exclude, using=using)
                except ValidationError as error:
                    field = self.constraint_field(constraint, exclude)
                    if field is not None:
                        error = ValidationError({field: error.error_list})
                    errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)


def empty_coordinate(instance):
    """The coordinate still to fill in when only one is given."""
    return "longitude" if instance.longitude is None else "latitude"


class VersionedModel(models.Model):
    """What every model edited in the admin has (twente.core.admin.PortalAdmin)."""

    # Bumped on every admin save; a save based on an older version is refused
    # (optimistic locking), so two editors cannot silently overwrite each other.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


class TimeStampedModel(VersionedModel):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


# The fields that say whether and when an item is public: set by publishing, never by a
# content edit, a revert or a staged change.
PUBLICATION_FIELDS = ("publication_state", "published_at", "publish_at", "withdraw_at")


class PublishableModel(TimeStampedModel):
    publication_state = models.CharField(
        _("publication state"),
        max_length=12,
        choices=PublicationState,
        default=PublicationState.DRAFT,
        db_index=True,
    )
    published_at = models.DateTimeField(_("first published at"), null=True, blank=True)
    # Carried out by `manage.py publish_scheduled` (twente.core.scheduling), then cleared.
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Leave empty to publish by hand. The item goes live at this time."),
    )
    withdraw_at = models.DateTimeField(
        _("withdraw at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Leave empty to keep it online. The item leaves the public site at this time."),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return self.publication_state == PublicationState.PUBLISHED

    def mark_published(self):
        self.publication_state = PublicationState.PUBLISHED
        if self.published_at is None:
            self.published_at = timezone.now()

    def mark_withdrawn(self):
        self.publication_state = PublicationState.WITHDRAWN

    def clean(self):
        super().clean()
        if self.publish_at and self.withdraw_at and self.withdraw_at <= self.publish_at:
            raise ValidationError(
                {"withdraw_at": _("Withdrawing must come after publishing: choose a later time.")},
                code="withdraw_before_publish",
            )


class GeoPointModel(ConstraintFieldsMixin, models.Model):
    """A place on the map, in WGS84 degrees; both empty when unknown."""

    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    class Meta:
        abstract = True

    @classmethod
    def coordinates_constraint_fields(cls, prefix):
        return {
            f"{prefix}_coordinates_paired": empty_coordinate,
            f"{prefix}_coordinates_in_range": "latitude",
        }

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @classmethod
    def coordinates_constraints(cls, prefix):
        """Both coordinates or neither, and each within its range."""
        both_or_neither = models.Q(latitude__isnull=True, longitude__isnull=True) | models.Q(
            latitude__isnull=False, longitude__isnull=False
        )
        in_range = models.Q(latitude__isnull=True) | models.Q(
            latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180
        )
        return [
            models.CheckConstraint(
                condition=both_or_neither,
                name=f"{prefix}_coordinates_paired",
                violation_error_code="coordinates_paired",
                violation_error_message=_("Give both latitude and longitude, or neither."),
            ),
            models.CheckConstraint(
                condition=in_range,
                name=f"{prefix}_coordinates_in_range",
                violation_error_code="coordinates_in_range",
                violation_error_message=_(
                    "The latitude lies between -90 and 90 degrees, the longitude between -180 and 180."
                ),
            ),
        ]


class PendingChange(models.Model):
    """Staged edits of a published item: its next version, saved but not yet public.

    The live row stays as visitors see it; `data` holds the whole next version (every
    language, its links and inline rows, in the format of `twente.core.staging`) until an
    editor publishes or discards it."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    data = models.JSONField(encoder=DjangoJSONEncoder)
    # The item's optimistic-locking version when these changes were staged.
    item_version = models.PositiveIntegerField()
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("unpublished change")
        verbose_name_plural = _("unpublished changes")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="pending_change_one_per_item")
        ]

    def __str__(self):
        return f"{self.content_type} {self.object_id}"


class AdminPreference(models.Model):
    """What a staff member chose for the admin, kept with them across browsers and logins."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="admin_preference"
    )
    language = models.CharField(_("admin language"), max_length=8, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("admin preference")
        verbose_name_plural = _("admin preferences")

    def __str__(self):
        return str(self.user)
