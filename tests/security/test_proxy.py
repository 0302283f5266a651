from django.test import RequestFactory

from conference.proxy import client_ip_address


def test_client_ip_without_trusted_proxy_is_the_connection(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6"
    )
    assert client_ip_address(request) == "10.0.0.1"


def test_client_ip_behind_one_proxy_ignores_what_the_client_wrote(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.7"
    )
    assert client_ip_address(request) == "192.0.2.7"


def test_client_ip_with_short_forwarded_header_is_the_connection(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.7"
    )
    assert client_ip_address(request) == "10.0.0.1"
