"""factory_boy factories for the portal's models. Published by default, since most
tests look at public pages; pass publication_state="draft" for a draft."""

import factory
from factory.django import DjangoModelFactory

from partners.models import Contact, Partner, PartnerKind, Relationship, RelationshipKind
from projects.models import FundingProgramme, ParticipantRole, Participation, Project, ProjectStatus
from regions.models import Cluster, InnovationDistrict, Municipality, Region, RegionKind, Theme
from twente.core.models import PublicationState


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name_nl = factory.Sequence(lambda n: f"Thema {n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")
    name_de = factory.Sequence(lambda n: f"Thema {n} (de)")


class ClusterFactory(DjangoModelFactory):
    class Meta:
        model = Cluster
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"cluster-{n}")
    name_nl = factory.Sequence(lambda n: f"Cluster {n}")
    name_en = factory.Sequence(lambda n: f"Cluster {n}")
    name_de = factory.Sequence(lambda n: f"Cluster {n}")


class MunicipalityFactory(DjangoModelFactory):
    class Meta:
        model = Municipality

    slug = factory.Sequence(lambda n: f"gemeente-{n}")
    name_nl = factory.Sequence(lambda n: f"Gemeente {n}")
    name_en = factory.Sequence(lambda n: f"Municipality {n}")
    name_de = factory.Sequence(lambda n: f"Gemeinde {n}")
    country = "NL"
    province = "Overijssel"
    latitude = factory.Faker("pydecimal", left_digits=2, right_digits=6, min_value=52, max_value=53)
    longitude = factory.Faker("pydecimal", left_digits=1, right_digits=6, min_value=6, max_value=7)
    publication_state = PublicationState.PUBLISHED


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region

    slug = factory.Sequence(lambda n: f"regio-{n}")
    name_nl = factory.Sequence(lambda n: f"Regio {n}")
    name_en = factory.Sequence(lambda n: f"Region {n}")
    name_de = factory.Sequence(lambda n: f"Region {n} (de)")
    kind = RegionKind.REGION
    publication_state = PublicationState.PUBLISHED


class InnovationDistrictFactory(DjangoModelFactory):
    class Meta:
        model = InnovationDistrict

    slug = factory.Sequence(lambda n: f"district-{n}")
    name_nl = factory.Sequence(lambda n: f"Werklocatie {n}")
    name_en = factory.Sequence(lambda n: f"District {n}")
    name_de = factory.Sequence(lambda n: f"Standort {n}")
    municipality = factory.SubFactory(MunicipalityFactory)
    publication_state = PublicationState.PUBLISHED


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partner

    slug = factory.Sequence(lambda n: f"partner-{n}")
    name_nl = factory.Sequence(lambda n: f"Partner {n}")
    name_en = factory.Sequence(lambda n: f"Partner {n}")
    name_de = factory.Sequence(lambda n: f"Partner {n}")
    kind = PartnerKind.CITY
    country = "DE"
    city = "Münster"
    publication_state = PublicationState.PUBLISHED


class RelationshipFactory(DjangoModelFactory):
    class Meta:
        model = Relationship

    partner = factory.SubFactory(PartnerFactory)
    kind = RelationshipKind.PARTNER_CITY
    since_year = 2021


class ContactFactory(DjangoModelFactory):
    class Meta:
        model = Contact

    name = factory.Faker("name", locale="nl_NL")
    job_title_nl = "Beleidsadviseur"
    job_title_en = "Policy adviser"
    job_title_de = "Referent"
    email = factory.Sequence(lambda n: f"contact{n}@example.org")
    phone = "+31534818181"
    partner = factory.SubFactory(PartnerFactory)
    preferred_language = "nl"


class FundingProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = FundingProgramme
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"programme-{n}")
    name_nl = factory.Sequence(lambda n: f"Programma {n}")
    name_en = factory.Sequence(lambda n: f"Programme {n}")
    name_de = factory.Sequence(lambda n: f"Programm {n}")


class ProjectFactory(DjangoModelFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"project-{n}")
    title_nl = factory.Sequence(lambda n: f"Project {n}")
    title_en = factory.Sequence(lambda n: f"Project {n} (en)")
    title_de = factory.Sequence(lambda n: f"Projekt {n}")
    summary_nl = "Een samenvatting."
    summary_en = "A summary."
    summary_de = "Eine Zusammenfassung."
    status = ProjectStatus.RUNNING
    programme = factory.SubFactory(FundingProgrammeFactory)
    publication_state = PublicationState.PUBLISHED

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            self.municipalities.set(extracted)


class ParticipationFactory(DjangoModelFactory):
    class Meta:
        model = Participation

    project = factory.SubFactory(ProjectFactory)
    partner = factory.SubFactory(PartnerFactory)
    role = ParticipantRole.PARTNER
