"""The client's address as the site sees it behind TRUSTED_PROXY_COUNT reverse proxies."""

from django.conf import settings
from django.http import HttpRequest


def client_ip_address(request: HttpRequest) -> str:
    """Return the address of the client that sent the request.

    Each trusted proxy appends the address it received the request from to
    X-Forwarded-For, so with N proxies the client's address is the N-th entry from the
    right; entries further left were written by the client and cannot be trusted.
    Without trusted proxies (or with a header that is too short) the connection's
    address is used.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote_addr
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < count:
        return remote_addr
    return forwarded[-count]
