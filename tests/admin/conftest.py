import pytest
from django.contrib.auth.models import Group

from conference.staff_groups import EDITOR_GROUP, READER_GROUP


def _staff_in(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(
        username=username, password="hemligt-lösen-42", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(django_user_model):
    """A member of "Redaktör", the group the staff-groups migration creates."""
    return _staff_in(django_user_model, "redaktor", EDITOR_GROUP)


@pytest.fixture
def reader(django_user_model):
    """A member of "Läsare", the group the staff-groups migration creates."""
    return _staff_in(django_user_model, "lasare", READER_GROUP)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client
