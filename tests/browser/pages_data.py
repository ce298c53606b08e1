"""Data for the browser tests of the site and regions pages, built with the factories."""

from decimal import Decimal

from tests.factories import (
    ClusterFactory,
    ContactFactory,
    InnovationDistrictFactory,
    MunicipalityFactory,
    PartnerFactory,
    ProjectFactory,
    RegionFactory,
    RelationshipFactory,
    ThemeFactory,
)


def build_twente():
    netwerkstad = RegionFactory(
        slug="netwerkstad-twente",
        kind="alliance",
        name_nl="Netwerkstad Twente",
        name_en="Netwerkstad Twente",
        name_de="Netzwerkstadt Twente",
        summary_nl="Drie steden met een gedeelde ambitie.",
        summary_en="Three cities with a shared ambition.",
        description_en=(
            "Twente is the green technological top region on the eastern border of the Netherlands."
        ),
        population=330_000,
    )
    regio = RegionFactory(
        slug="regio-twente", name_nl="Regio Twente", name_en="Twente Region", population=634_000
    )
    cities = [
        MunicipalityFactory(
            slug=slug,
            name_nl=name,
            name_en=name,
            name_de=name,
            population=population,
            population_year=2023 if population else None,
            summary_en=f"{name} is one of the three cities of Netwerkstad Twente.",
            # A long address, as real ones are: it must wrap, never widen the page.
            website=f"https://www.{slug}.example.nl/bestuur-en-organisatie/internationale-samenwerking-europa",
        )
        for slug, name, population in [
            ("enschede", "Enschede", 160_000),
            ("hengelo", "Hengelo", None),
            ("almelo", "Almelo", 73_000),
        ]
    ]
    netwerkstad.municipalities.add(*cities)
    regio.municipalities.add(*cities, *MunicipalityFactory.create_batch(25))
    district = InnovationDistrictFactory(
        slug="kennispark-twente",
        name_nl="Kennispark Twente",
        name_en="Kennispark Twente",
        name_de="Kennispark Twente",
        municipality=cities[0],
        area_hectares=Decimal("130.5"),
        summary_en="One of the top three innovation campuses in the Netherlands.",
        website="https://example.org/kennispark",
    )
    district.clusters.add(
        ClusterFactory(slug="photonics", name_en="Photonics"), ClusterFactory(slug="batteries")
    )
    theme = ThemeFactory()
    for _ in range(4):
        ProjectFactory(
            municipalities=[cities[0]], district=district, eu_contribution=Decimal("125000"), themes=[theme]
        )
    RelationshipFactory(partner=PartnerFactory(name_en="Münster", slug="muenster"), municipality=cities[0])
    ContactFactory(
        municipality=cities[0],
        partner=None,
        name="Bart Molenkamp",
        job_title_en="European Liaison Officer",
        is_public=True,
    )
    return cities, district
