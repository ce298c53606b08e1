"""Twente's places: municipalities, the regions and alliances they form, innovation
districts, economic clusters and the policy themes the region works on.

Policy themes live here rather than in `projects` because both contacts (partners)
and projects are tagged with them, and partners may not import projects.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from twente.core.models import GeoPointModel, PublishableModel, PublishableQuerySet, VersionedModel
from twente.core.translation_status import OutdatedTranslationsModel


class Country(models.TextChoices):
    NETHERLANDS = "NL", _("Netherlands")
    GERMANY = "DE", _("Germany")
    BELGIUM = "BE", _("Belgium")
    UNITED_STATES = "US", _("United States")


class Theme(OutdatedTranslationsModel, VersionedModel):
    """A policy theme: environment, energy, sustainability, health, mobility, ..."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["slug"]

    def __str__(self):
        return self.name


class Cluster(OutdatedTranslationsModel, VersionedModel):
    """An economic cluster: photonics, batteries, advanced manufacturing, ..."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("economic cluster")
        verbose_name_plural = _("economic clusters")
        ordering = ["slug"]

    def __str__(self):
        return self.name


class MunicipalityQuerySet(PublishableQuerySet):
    def for_list(self):
        """The municipality list: each card shows its regions and alliances."""
        return self.published().prefetch_related(
            models.Prefetch("regions", queryset=Region.objects.published())
        )

    def for_detail(self):
        """The municipality page: regions, districts (with clusters) of the place."""
        return self.published().prefetch_related(
            models.Prefetch("regions", queryset=Region.objects.published()),
            models.Prefetch(
                "districts",
                queryset=InnovationDistrict.objects.published().prefetch_related("clusters"),
            ),
        )


class Municipality(OutdatedTranslationsModel, PublishableModel, GeoPointModel):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    cbs_code = models.CharField(
        _("CBS code"),
        max_length=6,
        unique=True,
        null=True,
        blank=True,
        validators=[
            RegexValidator(r"^GM\d{4}$", _("A CBS municipality code is GM followed by four digits."))
        ],
        help_text=_("Statistics Netherlands' code of a Dutch municipality, e.g. GM0153 for Enschede."),
    )
    country = models.CharField(_("country"), max_length=2, choices=Country, default=Country.NETHERLANDS)
    province = models.CharField(_("province or state"), max_length=100, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("population counted in"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)

    objects = MunicipalityQuerySet.as_manager()
    constraint_fields = {
        **GeoPointModel.coordinates_constraint_fields("municipality"),
        "municipality_population_has_year": "population_year",
    }

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [
            *GeoPointModel.coordinates_constraints("municipality"),
            models.CheckConstraint(
                condition=models.Q(population__isnull=True) | models.Q(population_year__isnull=False),
                name="municipality_population_has_year",
                violation_error_code="population_year_missing",
                violation_error_message=_("Give the year of the population figure."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("regions:municipality-detail", kwargs={"slug": self.slug})


class RegionKind(models.TextChoices):
    REGION = "region", _("Region")
    ALLIANCE = "alliance", _("Alliance of cities")
    EUROREGION = "euroregion", _("Euroregion")


class Region(OutdatedTranslationsModel, PublishableModel):
    """A region or alliance that municipalities belong to (Regio Twente, Netwerkstad Twente, ...)."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=RegionKind, default=RegionKind.REGION)
    founded_year = models.PositiveSmallIntegerField(_("founded in"), null=True, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    municipalities = models.ManyToManyField(
        Municipality, related_name="regions", blank=True, verbose_name=_("municipalities")
    )

    class Meta:
        verbose_name = _("region or alliance")
        verbose_name_plural = _("regions and alliances")
        ordering = ["name"]

    def __str__(self):
        return self.name


class InnovationDistrictQuerySet(PublishableQuerySet):
    def for_list(self):
        """The district list: each card shows its municipality and clusters."""
        return self.published().select_related("municipality").prefetch_related("clusters")


class InnovationDistrict(OutdatedTranslationsModel, PublishableModel, GeoPointModel):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="districts",
        null=True,
        blank=True,
        verbose_name=_("municipality"),
    )
    area_hectares = models.DecimalField(
        _("area (hectares)"), max_digits=8, decimal_places=1, null=True, blank=True
    )
    clusters = models.ManyToManyField(
        Cluster, related_name="districts", blank=True, verbose_name=_("focus clusters")
    )
    website = models.URLField(_("website"), blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)

    objects = InnovationDistrictQuerySet.as_manager()
    constraint_fields = {
        **GeoPointModel.coordinates_constraint_fields("district"),
        "district_area_positive": "area_hectares",
    }

    class Meta:
        verbose_name = _("innovation district")
        verbose_name_plural = _("innovation districts")
        ordering = ["name"]
        constraints = [
            *GeoPointModel.coordinates_constraints("district"),
            models.CheckConstraint(
                condition=models.Q(area_hectares__isnull=True) | models.Q(area_hectares__gt=0),
                name="district_area_positive",
                violation_error_code="area_not_positive",
                violation_error_message=_("The area must be more than 0 hectares."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("regions:district-detail", kwargs={"slug": self.slug})
