"""EU-funded projects, the programmes that fund them and who takes part where."""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from partners.models import Partner
from regions import geo
from regions.models import InnovationDistrict, Municipality, Theme
from twente.core.models import (
    ConstraintFieldsMixin,
    GeoPointModel,
    PublicationState,
    PublishableModel,
    PublishableQuerySet,
    VersionedModel,
)
from twente.core.translation_status import OutdatedTranslationsModel

# The years a project's dates may lie in. The EU's funds began in the 1950s; a year
# outside these is a typing mistake (0202 or 2205 for 2025), and would also lie outside
# every year the public list can filter by.
FIRST_PROJECT_YEAR, LAST_PROJECT_YEAR = 1950, 2100


def validate_project_date(value):
    if value and not FIRST_PROJECT_YEAR <= value.year <= LAST_PROJECT_YEAR:
        raise ValidationError(
            _("Enter a date between the years %(first)s and %(last)s."),
            code="implausible_year",
            params={"first": FIRST_PROJECT_YEAR, "last": LAST_PROJECT_YEAR},
        )


class Fund(models.TextChoices):
    """The EU funds of cohesion policy, by the codes Kohesio uses; the labels are the
    names each language knows them by (ERDF is EFRO in Dutch, EFRE in German)."""

    ERDF = "ERDF", _("ERDF")
    ESF = "ESF", _("ESF")
    ESF_PLUS = "ESF+", _("ESF+")
    COHESION_FUND = "CF", _("Cohesion Fund")
    JUST_TRANSITION_FUND = "JTF", _("Just Transition Fund")
    YOUTH_EMPLOYMENT_INITIATIVE = "YEI", _("Youth Employment Initiative")


class FundingProgramme(OutdatedTranslationsModel, VersionedModel):
    """An EU funding programme (for example an Interreg programme)."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    code = models.CharField(
        _("programme code"),
        max_length=40,
        blank=True,
        help_text=_("The programme's CCI code, e.g. 2014NL16RFOP003, as Kohesio gives it."),
    )
    fund = models.CharField(_("fund"), max_length=4, choices=Fund, blank=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("funding programme")
        verbose_name_plural = _("funding programmes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=~Q(code=""), name="fundingprogramme_unique_code"
            ),
        ]

    def __str__(self):
        return self.short_name or self.name


PUBLISHED = Q(publication_state=PublicationState.PUBLISHED)
KOHESIO_SOURCE = "Kohesio, European Commission"
KOHESIO_ENTITY = re.compile(r"(?:^|/)(Q\d+)$")
KOHESIO_LANGUAGES = ("nl", "en", "de")


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")


# What a card or excerpt never shows: a project's description and the Kohesio record
# kept as the file gave it (every field of an imported project, decoded from JSON for
# each row read), and the descriptions of its programme and district.
LONG_TEXTS = ("description", "kohesio_source")


class ProjectQuerySet(PublishableQuerySet):
    def for_excerpt(self):
        """A detail page's newest projects (title, programme), without the long texts."""
        return self.published().select_related("programme").defer(*LONG_TEXTS, "programme__description")

    def for_latest(self):
        """The home page's latest projects and the feed: an excerpt with its themes
        (`card_themes`)."""
        return self.for_excerpt().prefetch_related(
            models.Prefetch("themes", queryset=Theme.objects.only("slug", "name"), to_attr="card_themes")
        )

    def for_list(self):
        """The project list: programme, district, themes (`card_themes`) and published
        places (`card_places`) of each card, without the long texts no card shows.

        The themes and places are plain lists (a prefetch `to_attr`), holding only the
        name and slug a card shows: a prefetch into each project's related managers
        cloned and filtered a queryset per project and relation, and with every column
        it took 15 of a list page's 40 ms at 10,000 projects (9 ms this way)."""
        return (
            self.for_latest()
            .select_related("district")
            .defer("district__description")
            .prefetch_related(
                models.Prefetch(
                    "municipalities",
                    queryset=Municipality.objects.published().only("slug", "name"),
                    to_attr="card_places",
                )
            )
        )

    def involving(self, municipality):
        """Projects placed in the municipality, directly or through their district, or in
        which it takes part: what its page and the list filtered to it show.

        One UNION of three indexed id lists, not an OR of three conditions: the OR makes
        PostgreSQL read every wide project row (17 against 8 ms for Enschede's count at
        10,000 projects), and a join would need a DISTINCT over every column."""
        places = self.model.municipalities.through.objects.filter(municipality=municipality)
        ids = places.values("project_id").union(
            self.model.objects.filter(district__municipality=municipality).values("pk"),
            Participation.objects.filter(municipality=municipality).values("project_id"),
        )
        return self.filter(pk__in=ids)

    def with_participants(self):
        """Each project's participants with their organisation, in one query."""
        return self.prefetch_related(
            models.Prefetch(
                "participations",
                queryset=Participation.objects.select_related("partner", "municipality"),
            )
        )

    def for_open_data(self):
        """The open-data download: a project's own columns alone; its programme, themes,
        places and participants come by id (projects.opendata.RelationsLoader)."""
        return (
            self.select_related(None)
            .prefetch_related(None)
            .only(
                "slug",
                "kohesio_id",
                "title",
                "summary",
                "status",
                "start_date",
                "end_date",
                "total_budget",
                "eu_contribution",
                "website",
                "latitude",
                "longitude",
                "programme",
                "district",
            )
        )

    def for_detail(self):
        """The project page: programme, district, themes, places and participants with roles."""
        return (
            self.published()
            .select_related("programme", "district")
            .prefetch_related(
                "themes",
                models.Prefetch("municipalities", queryset=Municipality.objects.published()),
            )
            .with_participants()
        )


class Project(OutdatedTranslationsModel, PublishableModel, GeoPointModel):
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=ProjectStatus, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True, validators=[validate_project_date])
    end_date = models.DateField(_("end date"), null=True, blank=True, validators=[validate_project_date])
    total_budget = models.DecimalField(
        _("total budget (EUR)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    eu_contribution = models.DecimalField(
        _("EU contribution (EUR)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    programme = models.ForeignKey(
        FundingProgramme,
        on_delete=models.PROTECT,
        related_name="projects",
        null=True,
        blank=True,
        verbose_name=_("funding programme"),
    )
    themes = models.ManyToManyField(Theme, related_name="projects", blank=True, verbose_name=_("themes"))
    municipalities = models.ManyToManyField(
        Municipality, related_name="projects", blank=True, verbose_name=_("municipalities")
    )
    district = models.ForeignKey(
        InnovationDistrict,
        on_delete=models.PROTECT,
        related_name="projects",
        null=True,
        blank=True,
        verbose_name=_("innovation district"),
    )
    website = models.URLField(_("website"), blank=True)
    # Filled by `import_kohesio` (projects.kohesio); empty for projects typed in by hand.
    kohesio_id = models.CharField(
        _("Kohesio identifier"),
        max_length=200,
        blank=True,
        help_text=_(
            "The operation's unique identifier in Kohesio, the European Commission's project database."
        ),
    )
    kohesio_imported_on = models.DateField(_("imported from Kohesio on"), null=True, blank=True)
    # The value of each field as the last imported file gave it, to tell an editor's
    # change (kept on the next import) from the source's own.
    kohesio_source = models.JSONField(
        _("last imported source values"), default=dict, blank=True, editable=False
    )

    objects = ProjectQuerySet.as_manager()
    constraint_fields = {
        **GeoPointModel.coordinates_constraint_fields("project"),
        "project_ends_after_start": "end_date",
        "project_budget_not_negative": "total_budget",
        "project_eu_contribution_not_negative": "eu_contribution",
        "project_eu_contribution_within_budget": "eu_contribution",
    }

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-start_date", "title"]
        # The published list in each indexed sort order (projects.filters.SORTS) and the
        # home page's latest projects: a page is read from the index, not by sorting
        # every published project. PostgreSQL only (migration 0005): SQLite cannot
        # index NULLS LAST.
        indexes = [
            models.Index(
                F("start_date").desc(nulls_last=True),
                F("slug"),
                condition=PUBLISHED,
                name="project_list_newest",
            ),
            models.Index(
                F("start_date").asc(nulls_last=True),
                F("slug"),
                condition=PUBLISHED,
                name="project_list_oldest",
            ),
            models.Index(
                F("eu_contribution").desc(nulls_last=True),
                F("slug"),
                condition=PUBLISHED,
                name="project_list_eu",
            ),
            models.Index(
                F("published_at").desc(), F("id").desc(), condition=PUBLISHED, name="project_latest"
            ),
            models.Index(  # the Atom feed's order (projects.feeds)
                F("published_at").desc(nulls_last=True),
                F("updated_at").desc(),
                F("id"),
                condition=PUBLISHED,
                name="project_feed",
            ),
            # Covering indexes of the map, the funding overview and the list's counts:
            # counts and EU sums per municipality, programme and year and a filtered
            # list's number of projects (status, programme, district, years, amounts)
            # are read from the index alone, not from the wide rows of every published
            # project.
            models.Index(
                fields=["id"],
                include=["eu_contribution", "programme", "start_date", "status", "district"],
                condition=PUBLISHED,
                name="project_published_eu",
            ),
            models.Index(
                fields=["id"],
                condition=PUBLISHED & Q(latitude__isnull=True),
                name="project_published_unplaced",
            ),
            # The public map groups projects per grid cell of its drawing: by these
            # expressions, in this order, from the index alone. PostgreSQL only
            # (migration 0011): SQLite's FLOOR is a function of Django's connection.
            models.Index(
                *geo.map_cell_expressions(),
                F("id").desc(),
                include=["latitude", "longitude"],
                condition=PUBLISHED & geo.in_map_window(),
                name="project_published_map_cells",
            ),
            # The latest change, for the sitemap's and the list pages' Last-Modified.
            models.Index(fields=["updated_at"], condition=PUBLISHED, name="project_published_updated"),
        ]
        constraints = [
            *GeoPointModel.coordinates_constraints("project"),
            models.UniqueConstraint(
                fields=["kohesio_id"], condition=~Q(kohesio_id=""), name="project_unique_kohesio_id"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="project_ends_after_start",
                violation_error_code="ends_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(total_budget__isnull=True) | Q(total_budget__gte=0),
                name="project_budget_not_negative",
                violation_error_code="negative_budget",
                violation_error_message=_("The total budget cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(eu_contribution__isnull=True) | Q(eu_contribution__gte=0),
                name="project_eu_contribution_not_negative",
                violation_error_code="negative_eu_contribution",
                violation_error_message=_("The EU contribution cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(eu_contribution__isnull=True)
                | Q(total_budget__isnull=True)
                | Q(eu_contribution__lte=F("total_budget")),
                name="project_eu_contribution_within_budget",
                violation_error_code="eu_contribution_over_budget",
                violation_error_message=_("The EU contribution cannot be more than the total budget."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:project-detail", kwargs={"slug": self.slug})

    @property
    def source_name(self):
        """Where the project's data comes from, when it was imported."""
        return KOHESIO_SOURCE if self.kohesio_id else ""

    @property
    def kohesio_url(self):
        """The project's page on Kohesio in the current language, when the identifier
        names a Kohesio entity (`Q<number>`, alone or at the end of its URI)."""
        match = KOHESIO_ENTITY.search(self.kohesio_id)
        if not match:
            return ""
        language = get_language() if get_language() in KOHESIO_LANGUAGES else "en"
        return f"https://kohesio.ec.europa.eu/{language}/projects/{match.group(1)}"

    @property
    def co_financing_rate(self):
        """The EU's share of the total budget in percent, when both are known."""
        if self.eu_contribution is None or not self.total_budget:
            return None
        return (self.eu_contribution / self.total_budget * 100).quantize(Decimal("0.1"))


class ParticipantRole(models.TextChoices):
    LEAD = "lead", _("Lead partner")
    PARTNER = "partner", _("Partner")


class Participation(ConstraintFieldsMixin, models.Model):
    """An organisation taking part in a project: exactly one of a municipality or a partner."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="participations", verbose_name=_("project")
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="participations",
        null=True,
        blank=True,
        verbose_name=_("partner organisation"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="participations",
        null=True,
        blank=True,
        verbose_name=_("municipality"),
    )
    role = models.CharField(
        _("role"), max_length=10, choices=ParticipantRole, default=ParticipantRole.PARTNER
    )

    constraint_fields = {
        "participation_exactly_one_organisation": "partner",
        "participation_unique_partner": "partner",
        "participation_unique_municipality": "municipality",
        "participation_one_lead": "role",
    }

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["role", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(municipality__isnull=False, partner__isnull=True)
                | Q(municipality__isnull=True, partner__isnull=False),
                name="participation_exactly_one_organisation",
                violation_error_code="not_one_organisation",
                violation_error_message=_("Choose either a municipality or a partner organisation."),
            ),
            models.UniqueConstraint(
                fields=["project", "partner"],
                condition=Q(partner__isnull=False),
                name="participation_unique_partner",
                violation_error_code="duplicate_participant",
                violation_error_message=_("This partner organisation already takes part in this project."),
            ),
            models.UniqueConstraint(
                fields=["project", "municipality"],
                condition=Q(municipality__isnull=False),
                name="participation_unique_municipality",
                violation_error_code="duplicate_participant",
                violation_error_message=_("This municipality already takes part in this project."),
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(role="lead"),
                name="participation_one_lead",
                violation_error_code="second_lead",
                violation_error_message=_(
                    "A project has one lead partner; make the other participants partners."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"

    @property
    def organisation(self):
        return self.municipality or self.partner
