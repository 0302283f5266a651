"""Login throttling on the admin (django-axes): per user name and address, with cool-off."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "rätt-lösenord-123"


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


@pytest.fixture
def editor():
    return get_user_model().objects.create_user(
        username="redaktor", password=PASSWORD, is_staff=True
    )


def log_in(client, username, password, address="192.0.2.10"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def fail_until_locked(client, username, address="192.0.2.10"):
    for _ in range(3):
        log_in(client, username, "fel", address)


def test_cooloff_and_lock_per_user_and_address_are_configured():
    assert django_settings.AXES_COOLOFF_TIME == datetime.timedelta(minutes=15)
    assert django_settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert django_settings.AUTHENTICATION_BACKENDS[0] == (
        "axes.backends.AxesStandaloneBackend"
    )


def test_login_after_failures_is_refused_even_with_right_password(
    client, axes_on, editor
):
    fail_until_locked(client, "redaktor")
    response = log_in(client, "redaktor", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_login_below_the_limit_succeeds(client, axes_on, editor):
    log_in(client, "redaktor", "fel")
    log_in(client, "redaktor", "fel")
    response = log_in(client, "redaktor", PASSWORD)
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/"


def test_lock_does_not_shut_out_same_user_from_another_address(client, axes_on, editor):
    fail_until_locked(client, "redaktor", address="192.0.2.10")
    response = log_in(client, "redaktor", PASSWORD, address="198.51.100.20")
    assert response.status_code == 302


def test_lock_does_not_shut_out_another_user_behind_same_address(
    client, axes_on, editor
):
    get_user_model().objects.create_user(
        username="kollega", password=PASSWORD, is_staff=True
    )
    fail_until_locked(client, "redaktor", address="192.0.2.10")
    response = log_in(client, "kollega", PASSWORD, address="192.0.2.10")
    assert response.status_code == 302


def test_lock_ends_after_the_cooloff_time(client, axes_on, editor):
    fail_until_locked(client, "redaktor")
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - datetime.timedelta(minutes=16)
    )
    response = log_in(client, "redaktor", PASSWORD)
    assert response.status_code == 302
