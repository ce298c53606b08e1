"""Admin login guessing: after 5 failures the account name and the address are locked
out for the configured time, with a clear page; a success before that resets the count."""

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-password-42"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(username="alice", password=PASSWORD, is_staff=True)


def login(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="en",
    )


def fail(client, times, username="alice", address="10.0.0.1"):
    for _attempt in range(times):
        response = login(client, username, "wrong-guess", address)
        assert response.status_code == 200
        assert "correct username and password" in response.content.decode()


def test_the_limit_and_cool_off_are_set_on_purpose():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 30 * 60


def test_the_fifth_failure_locks_out_even_the_right_password(client, staff):
    fail(client, 4)
    assert login(client, "alice", "wrong-guess").status_code == 429
    response = login(client, "alice", PASSWORD)
    assert response.status_code == 429
    assert "admin/lockout.html" in [template.name for template in response.templates]
    page = response.content.decode()
    assert "Login temporarily locked" in page
    assert "Try again in 30 minutes." in page
    assert "contact an administrator" in page
    assert "_auth_user_id" not in client.session


def test_the_account_is_locked_from_another_address_too(client, staff):
    fail(client, 4, address="10.0.0.1")
    login(client, "alice", "wrong-guess", address="10.0.0.1")
    assert login(client, "alice", PASSWORD, address="10.0.0.2").status_code == 429


def test_the_address_is_locked_for_another_account_too(client, staff, django_user_model):
    django_user_model.objects.create_user(username="bob", password=PASSWORD, is_staff=True)
    fail(client, 4, username="alice", address="10.0.0.1")
    login(client, "alice", "wrong-guess", address="10.0.0.1")
    assert login(client, "bob", PASSWORD, address="10.0.0.1").status_code == 429
    assert login(client, "bob", PASSWORD, address="10.0.0.9").status_code == 302


def test_four_failures_do_not_lock_and_a_success_resets_the_count(client, staff):
    fail(client, 4)
    assert login(client, "alice", PASSWORD).status_code == 302
    client.logout()
    fail(client, 4)
    assert login(client, "alice", PASSWORD).status_code == 302
