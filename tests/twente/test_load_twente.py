"""`manage.py load_twente`: the documents' facts load, in three languages, published,
and a second run creates nothing and leaves every person's edit alone."""

from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modeltranslation.translator import translator

from partners.models import Contact, Membership, Partner, Relationship
from projects.models import FundingProgramme, Project
from regions.models import Cluster, InnovationDistrict, Municipality, Region, Theme
from twente.core.models import PublishableModel

pytestmark = pytest.mark.django_db

REGIO_TWENTE = {
    "Almelo",
    "Borne",
    "Dinkelland",
    "Enschede",
    "Haaksbergen",
    "Hellendoorn",
    "Hengelo",
    "Hof van Twente",
    "Losser",
    "Oldenzaal",
    "Rijssen-Holten",
    "Tubbergen",
    "Twenterand",
    "Wierden",
}
LOADED_MODELS = [
    Theme,
    Cluster,
    Municipality,
    Region,
    InnovationDistrict,
    Partner,
    Relationship,
    Project,
    Contact,
]


def load():
    out = StringIO()
    call_command("load_twente", stdout=out)
    return out.getvalue()


def snapshot():
    """Every row of every table of the three apps (history and link tables included)."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in {"regions", "partners", "projects"}
    }


@pytest.fixture
def loaded():
    return load()


def names(queryset):
    return {obj.name for obj in queryset}


def test_the_fourteen_municipalities_of_regio_twente_load_as_its_members(loaded):
    assert names(Municipality.objects.all()) == REGIO_TWENTE
    regio = Region.objects.get(slug="regio-twente")
    assert names(regio.municipalities.all()) == REGIO_TWENTE
    assert regio.population == 626000
    assert set(Municipality.objects.values_list("country", "province")) == {("NL", "Overijssel")}
    assert not Municipality.objects.filter(latitude__isnull=True).exists()
    enschede = Municipality.objects.get(slug="enschede")
    assert (round(enschede.latitude, 2), round(enschede.longitude, 2)) == (Decimal("52.22"), Decimal("6.89"))


def test_netwerkstad_twente_is_the_alliance_of_enschede_hengelo_and_almelo(loaded):
    netwerkstad = Region.objects.get(slug="netwerkstad-twente")
    assert netwerkstad.kind == "alliance"
    assert names(netwerkstad.municipalities.all()) == {"Enschede", "Hengelo", "Almelo"}
    assert netwerkstad.population == 330000
    assert "more than 330,000" in netwerkstad.summary_en


def test_twente_is_part_of_the_euregio_since_1958(loaded):
    twente = Region.objects.get(slug="twente")
    assert twente.population == 634000
    euregio = Region.objects.get(slug="euregio")
    assert (euregio.kind, euregio.founded_year) == ("euroregion", 1958)
    assert names(euregio.municipalities.all()) == REGIO_TWENTE
    tie = Relationship.objects.get(partner__slug="euregio")
    assert (tie.kind, tie.since_year, tie.region) == ("euroregion", 1958, twente)


def test_muenster_is_partner_city_of_enschede_since_2021_and_osnabrueck_works_across_the_border(loaded):
    muenster = Partner.objects.get(slug="muenster")
    assert (muenster.kind, muenster.country) == ("city", "DE")
    partner_city = muenster.relationships.get(kind="partner_city")
    assert (partner_city.since_year, partner_city.municipality.name) == (2021, "Enschede")
    assert "water management" in muenster.description_en
    osnabrueck = Partner.objects.get(slug="osnabrueck")
    assert (osnabrueck.kind, osnabrueck.country) == ("city", "DE")
    assert osnabrueck.relationships.get().kind == "cross_border"
    assert osnabrueck.relationships.get().region.slug == "netwerkstad-twente"


def test_palo_alto_is_sister_city_of_enschede_since_1980(loaded):
    palo_alto = Partner.objects.get(slug="palo-alto")
    assert palo_alto.country == "US"
    tie = palo_alto.relationships.get()
    assert (tie.kind, tie.since_year, tie.municipality.name) == ("sister_city", 1980, "Enschede")


def test_the_five_innovation_districts_load_with_their_municipalities(loaded):
    districts = {d.name: d for d in InnovationDistrict.objects.select_related("municipality")}
    assert set(districts) == {
        "Kennispark Twente",
        "Technology Base",
        "Twente High Tech Systems Park",
        "XL Business Park",
        "The Green Box",
    }
    assert districts["Technology Base"].area_hectares == Decimal("500")
    assert names(districts["Technology Base"].clusters.all()) == {"Onbemande systemen"}
    assert districts["Kennispark Twente"].municipality.name == "Enschede"
    assert "top 3 innovation campuses" in districts["Kennispark Twente"].summary_en
    # The documents give no area for the others: it stays empty.
    assert [d.area_hectares for name, d in districts.items() if name != "Technology Base"] == [None] * 4


def test_knowledge_institutes_on_both_sides_of_the_border(loaded):
    institutes = Partner.objects.filter(kind="knowledge_institute")
    by_country = {
        country: {p.name_en for p in institutes if p.country == country} for country in ("NL", "DE")
    }
    assert by_country["NL"] == {
        "University of Twente",
        "Saxion University of Applied Sciences",
        "ROC van Twente",
        "AKI ArtEZ",
    }
    assert by_country["DE"] == {
        "University of Münster (Westfälische Wilhelms-Universität)",
        "Osnabrück University",
        "Münster University of Applied Sciences",
    }
    assert institutes.count() == 7
    assert Partner.objects.get(slug="universiteit-twente").located_in.name == "Enschede"


def test_the_eu_funded_projects_in_enschede(loaded):
    projects = Project.objects.prefetch_related("municipalities", "participations__municipality", "themes")
    assert {p.title_en for p in projects} == {
        "The Stadsbeek in Stadsveld",
        "New, more sustainable street lighting",
        "Euregional continuous learning pathway (EDL)",
    }
    for project in projects:
        assert project.status == "completed"
        assert names(project.municipalities.all()) == {"Enschede"}
        assert [p.municipality.name for p in project.participations.all()] == ["Enschede"]
        assert project.themes.exists()
        assert project.has_coordinates
    assert names(Project.objects.get(slug="stadsbeek-stadsveld").themes.all()) >= {"Water"}


def test_the_memberships_of_networks(loaded):
    def members(slug):
        return {
            str(m.member)
            for m in Membership.objects.filter(network__slug=slug).select_related(
                "member_municipality", "member_region", "member_partner"
            )
        }

    assert members("mont") == {"Netwerkstad Twente", "Münster", "Osnabrück"}
    assert members("twente-board") == {"Enschede", "Hengelo", "Almelo"}
    assert members("eurocities") == {"Enschede"}
    assert members("dutch-german-tech-land") == {"Netwerkstad Twente", "Twente"}


def test_the_contacts_named_in_the_documents(loaded):
    contacts = {c.name: c for c in Contact.objects.select_related("municipality", "partner")}
    assert set(contacts) == {
        "Bart Molenkamp",
        "Onno van Veldhuizen",
        "Roelof Bleker",
        "Internationale samenwerking gemeente Enschede",
    }
    assert contacts["Onno van Veldhuizen"].email == "onno@enschede.nl"
    mailbox = contacts["Internationale samenwerking gemeente Enschede"]
    assert (mailbox.kind, mailbox.email, mailbox.municipality.name) == (
        "mailbox",
        "info-internationaal@enschede.nl",
        "Enschede",
    )
    assert contacts["Bart Molenkamp"].job_title_en.startswith("European Liaison Officer")
    for contact in contacts.values():
        assert contact.phone == ""
        assert contact.mailing_consent is False
        assert contact.is_public is True
        assert contact.preferred_language == "nl"
    # Where the documents leave the organisation open, the note says so.
    assert "names no city" in contacts["Roelof Bleker"].notes


def test_every_translated_text_is_filled_in_all_three_languages(loaded):
    for model in LOADED_MODELS:
        fields = translator.get_options_for_model(model).fields
        rows = model.objects.all()
        assert rows.exists(), model
        for obj in rows:
            for name in fields:
                values = {lang: getattr(obj, f"{name}_{lang}") for lang in ("nl", "en", "de")}
                assert all(values.values()), (model.__name__, obj.pk, name, values)
                if name in {"description", "summary"}:
                    # Written out in each language, not copied.
                    assert values["nl"] != values["en"] != values["de"], (obj, name)


def test_figures_the_documents_do_not_give_stay_empty(loaded):
    assert not Municipality.objects.exclude(population=None).exists()
    assert not Municipality.objects.exclude(population_year=None).exists()
    for project in Project.objects.all():
        assert project.total_budget is None
        assert project.eu_contribution is None
        assert project.start_date is None and project.end_date is None
        assert project.programme is None
    assert not FundingProgramme.objects.exists()
    assert not Region.objects.exclude(slug="euregio").exclude(founded_year=None).exists()


def test_everything_loaded_is_published(loaded):
    for model in LOADED_MODELS:
        if issubclass(model, PublishableModel):
            assert model.objects.count() == model.objects.published().count(), model
            assert not model.objects.filter(published_at=None).exists(), model


def test_a_second_run_creates_nothing_and_changes_nothing(loaded):
    before = snapshot()
    output = load()
    assert snapshot() == before
    assert "nothing created" in output
    assert "municipalities: 0 created, 14 already present" in output


def test_a_persons_edits_and_removals_survive_a_second_run(loaded):
    enschede = Municipality.objects.get(slug="enschede")
    enschede.description_de = "Von einer Redakteurin neu geschrieben."
    enschede.save()
    Membership.objects.get(network__slug="mont", member_partner__slug="muenster").delete()
    Relationship.objects.filter(partner__slug="palo-alto").delete()
    Region.objects.get(slug="netwerkstad-twente").municipalities.remove(
        Municipality.objects.get(slug="almelo")
    )
    Contact.objects.filter(name="Onno van Veldhuizen").update(email="o.vanveldhuizen@example.nl")
    before = snapshot()

    load()

    assert snapshot() == before
    assert (
        Municipality.objects.get(slug="enschede").description_de == "Von einer Redakteurin neu geschrieben."
    )
    assert not Membership.objects.filter(network__slug="mont", member_partner__slug="muenster").exists()
    assert not Relationship.objects.filter(partner__slug="palo-alto").exists()
    assert Contact.objects.filter(name__startswith="Onno").count() == 1


def test_an_item_a_person_deleted_is_created_again_alone(loaded):
    Contact.objects.filter(kind="mailbox").delete()
    Theme.objects.get(slug="safety").delete()
    projects_before = list(Project.objects.order_by("pk").values())

    output = load()

    assert "themes: 1 created, 12 already present" in output
    assert Contact.objects.filter(email="info-internationaal@enschede.nl").exists()
    assert list(Project.objects.order_by("pk").values()) == projects_before


def test_a_failing_run_leaves_nothing_half_loaded(monkeypatch):
    def refuse(self, *args, **kwargs):
        raise RuntimeError("contact refused")

    monkeypatch.setattr(Contact, "full_clean", refuse)
    with pytest.raises(RuntimeError):
        load()
    assert not Theme.objects.exists()
    assert not Municipality.objects.exists()


def test_a_second_load_only_reads(django_assert_max_num_queries):
    """Speed is the benchmark's business; here: a refresh of loaded data writes nothing
    and reads in a bounded number of queries, whatever the data holds."""
    load()
    with CaptureQueriesContext(connection) as queries:
        load()
    writes = [
        q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert len(queries) < 60


def test_the_summary_names_each_kind_and_stays_quiet_at_verbosity_0():
    out = StringIO()
    call_command("load_twente", verbosity=0, stdout=out)
    assert out.getvalue() == ""
    output = load()
    assert "partner organisations: 0 created, 19 already present" in output
