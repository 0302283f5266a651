"""Who may do what beyond Django's model permissions: preview drafts, publish, load.

One place for these rules, so the admin and the public views agree on them.
"""

from django.contrib.auth.models import AnonymousUser, User

PUBLISH_EVENT = "conference.publish_event"
PUBLISH_SESSION = "sessions_app.publish_session"
LOAD_DOCUMENTATION = "conference.load_documentation"


def can_preview_drafts(user: User | AnonymousUser) -> bool:
    """Return whether the user may see unpublished events and sessions on the public site.

    Staff who may view events and sessions in the admin may see the same drafts on
    their public URL; everybody else sees only published content. Anonymous users are
    answered without a query, so public pages keep their query counts.
    """
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    return user.has_perms(["conference.view_event", "sessions_app.view_session"])


def can_publish_event(user: User | AnonymousUser) -> bool:
    """Return whether the user may publish or unpublish events."""
    return user.is_active and user.has_perm(PUBLISH_EVENT)


def can_publish_session(user: User | AnonymousUser) -> bool:
    """Return whether the user may publish or unpublish sessions."""
    return user.is_active and user.has_perm(PUBLISH_SESSION)


def can_load_documentation(user: User | AnonymousUser) -> bool:
    """Return whether the user may load documentation from the admin."""
    return user.is_active and user.is_staff and user.has_perm(LOAD_DOCUMENTATION)
