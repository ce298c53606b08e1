"""bench/generate.py at a small size: every kind of row, in three languages, reproducible."""

import pytest

from bench.generate import PREFIX, generate
from partners.models import Contact, Partner
from projects.models import Participation, Project

pytestmark = pytest.mark.django_db


def generated_titles():
    generated = Project.objects.filter(slug__startswith=PREFIX).order_by("slug")
    return list(generated.values_list("title_de", flat=True))


def test_generates_the_sizes_asked_for_with_every_relation():
    generate(projects=30, partners=12, contacts=40, seed=3, out=lambda line: None)
    projects = Project.objects.published().filter(slug__startswith=PREFIX)
    assert projects.count() == 30
    assert Partner.objects.published().filter(slug__startswith=PREFIX).count() == 12
    assert Contact.objects.filter(email__endswith="@generated.example").count() == 40
    project = projects.first()
    assert project.title_nl and project.title_en and project.title_de
    assert all(p.themes.exists() and p.municipalities.exists() for p in projects)
    assert Participation.objects.filter(project__in=projects, role="lead").count() == 30
    assert Contact.objects.filter(email__endswith="@generated.example", topics__isnull=False).exists()


def test_the_same_seed_gives_the_same_data_and_a_rerun_replaces_it():
    generate(projects=10, partners=5, contacts=5, seed=3, out=lambda line: None)
    first = generated_titles()
    generate(projects=10, partners=5, contacts=5, seed=3, out=lambda line: None)
    assert generated_titles() == first
    assert Project.objects.filter(slug__startswith=PREFIX).count() == 10
    generate(projects=10, partners=5, contacts=5, seed=4, out=lambda line: None)
    assert generated_titles() != first
