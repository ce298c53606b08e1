"""Admin login guessing: after 5 failures the pair of account name and address is locked
out for the configured time, with a clear page; an address trying many accounts is
locked at a higher limit; behind the proxy each visitor counts by their own address;
a success before that resets the count."""

import pytest
from axes.models import AccessAttempt
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


def test_a_stranger_cannot_lock_the_account_out_from_elsewhere(client, staff):
    fail(client, 4, address="10.0.0.1")
    assert login(client, "alice", "wrong-guess", address="10.0.0.1").status_code == 429
    assert login(client, "alice", PASSWORD, address="10.0.0.2").status_code == 302


def test_another_account_from_the_locked_address_still_signs_in(client, staff, django_user_model):
    django_user_model.objects.create_user(username="bob", password=PASSWORD, is_staff=True)
    fail(client, 4, username="alice", address="10.0.0.1")
    login(client, "alice", "wrong-guess", address="10.0.0.1")
    assert login(client, "bob", PASSWORD, address="10.0.0.1").status_code == 302


def test_an_address_trying_many_accounts_is_locked_at_its_own_higher_limit(client, staff):
    assert settings.AXES_ADDRESS_FAILURE_LIMIT == 20
    for number in range(19):
        response = login(client, f"guess-{number}", "wrong-guess", address="10.0.0.7")
        assert response.status_code == 200
    assert login(client, "guess-19", "wrong-guess", address="10.0.0.7").status_code == 429
    assert login(client, "alice", PASSWORD, address="10.0.0.7").status_code == 429
    assert login(client, "alice", PASSWORD, address="10.0.0.8").status_code == 302


def test_attempts_during_a_lockout_do_not_restart_the_cool_off(client, staff):
    fail(client, 4)
    login(client, "alice", "wrong-guess")
    attempt = AccessAttempt.objects.get(username="alice")
    locked_at = attempt.attempt_time
    for _attempt in range(3):
        assert login(client, "alice", "wrong-guess").status_code == 429
    attempt.refresh_from_db()
    assert attempt.attempt_time == locked_at
    assert attempt.failures_since_start == 5
    # Once the cool-off has passed since the lockout, the right password works again.
    AccessAttempt.objects.update(attempt_time=locked_at - settings.AXES_COOLOFF_TIME)
    assert login(client, "alice", PASSWORD).status_code == 302


def through_proxy(client, username, password, forwarded_for):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=forwarded_for,
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_behind_the_proxy_each_visitor_is_counted_by_their_own_address(client, staff, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _attempt in range(5):
        through_proxy(client, "alice", "wrong-guess", "10.0.0.1")
    assert AccessAttempt.objects.get().ip_address == "10.0.0.1"
    assert through_proxy(client, "alice", PASSWORD, "10.0.0.1").status_code == 429
    # Another visitor behind the same proxy is not affected.
    assert through_proxy(client, "alice", PASSWORD, "10.0.0.2").status_code == 302


def test_a_forged_forwarded_header_does_not_escape_the_lockout(client, staff, settings):
    """The client writes its own X-Forwarded-For; the proxy appends the real address."""
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(5):
        through_proxy(client, "alice", "wrong-guess", f"192.0.2.{number}, 10.0.0.1")
    assert through_proxy(client, "alice", PASSWORD, "198.51.100.1, 10.0.0.1").status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"10.0.0.1"}


def test_without_a_proxy_the_forwarded_header_is_ignored(client, staff, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    through_proxy(client, "alice", "wrong-guess", "10.0.0.1")
    assert AccessAttempt.objects.get().ip_address == "127.0.0.1"


def test_four_failures_do_not_lock_and_a_success_resets_the_count(client, staff):
    fail(client, 4)
    assert login(client, "alice", PASSWORD).status_code == 302
    client.logout()
    fail(client, 4)
    assert login(client, "alice", PASSWORD).status_code == 302
