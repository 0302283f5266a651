"""Security headers on real responses of the public pages, the API and the admin."""

import re

import pytest
from django.conf import settings

from tests.factories.conference import EventFactory
from tests.factories.sessions import SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session_page_url():
    session = SessionFactory(event=EventFactory())
    return session.get_absolute_url()


def csp_directives(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (
            part.split() for part in policy.split(";") if part.strip()
        )
    }


def test_public_page_csp_allows_only_this_site(client, session_page_url):
    response = client.get(session_page_url, secure=True)
    directives = csp_directives(response)
    assert response.status_code == 200
    assert directives["default-src"] == ["'self'"]
    # No nonce is rendered on public pages, so none may appear in their policy.
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]


def test_csp_never_allows_unsafe_inline_or_eval(client, session_page_url):
    for url in ("/", session_page_url, "/admin/login/", "/healthz/"):
        policy = client.get(url, secure=True).headers["Content-Security-Policy"]
        assert "unsafe-inline" not in policy
        assert "unsafe-eval" not in policy


def test_admin_login_nonce_in_page_matches_header(client):
    response = client.get("/admin/login/", secure=True)
    nonces_in_page = set(re.findall(r'nonce="([^"]+)"', response.text))
    script_src = csp_directives(response)["script-src"]
    assert response.status_code == 200
    assert len(nonces_in_page) == 1
    assert script_src == ["'self'", f"'nonce-{nonces_in_page.pop()}'"]


def test_security_headers_on_https_response(client, session_page_url):
    response = client.get(session_page_url, secure=True)
    assert response.headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains"
    )
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_security_headers_on_api_and_health(client):
    for url in ("/api/v1/schema/", "/healthz/"):
        response = client.get(url, secure=True)
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "Content-Security-Policy" in response.headers
        assert "Strict-Transport-Security" in response.headers


def test_csrf_cookie_of_admin_login_is_secure_and_lax(client):
    response = client.get("/admin/login/", secure=True)
    cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"


def test_plain_http_redirects_to_https_when_redirect_is_on(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/kommuner/?a=1")
    assert response.status_code == 301
    assert response.headers["Location"] == "https://testserver/kommuner/?a=1"


def test_health_probe_over_plain_http_is_not_redirected(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz/")
    assert response.status_code == 200
