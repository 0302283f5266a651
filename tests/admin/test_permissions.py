import pytest
from django.contrib.auth.models import AnonymousUser, Permission

from conference.permissions import can_preview_drafts


def _user_with(django_user_model, *codenames, is_staff=True):
    user = django_user_model.objects.create_user(
        username="kim", password="pw", is_staff=is_staff
    )
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return django_user_model.objects.get(pk=user.pk)


@pytest.mark.django_db
def test_can_preview_drafts_anonymous_user_is_refused_without_queries(
    django_assert_num_queries,
):
    with django_assert_num_queries(0):
        allowed = can_preview_drafts(AnonymousUser())

    assert allowed is False


@pytest.mark.django_db
def test_can_preview_drafts_staff_with_view_permissions_is_allowed(django_user_model):
    user = _user_with(django_user_model, "view_event", "view_session")

    assert can_preview_drafts(user) is True


@pytest.mark.django_db
def test_can_preview_drafts_staff_without_session_view_is_refused(django_user_model):
    user = _user_with(django_user_model, "view_event")

    assert can_preview_drafts(user) is False


@pytest.mark.django_db
def test_can_preview_drafts_non_staff_with_permissions_is_refused(django_user_model):
    user = _user_with(django_user_model, "view_event", "view_session", is_staff=False)

    assert can_preview_drafts(user) is False


@pytest.mark.django_db
def test_can_preview_drafts_inactive_superuser_is_refused(django_user_model):
    user = django_user_model.objects.create_superuser(
        username="root", password="pw", is_active=False
    )

    assert can_preview_drafts(user) is False
