from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_groups(apps, schema_editor):
    from conference.staff_groups import CONTENT_APPS, sync_staff_groups

    # Permissions are normally created after all migrations ran (post_migrate);
    # on a fresh database they must exist now to be given to the groups.
    for app_label in ("auth", *CONTENT_APPS):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_staff_groups(apps=apps)


def remove_groups(apps, schema_editor):
    from conference.staff_groups import EDITOR_GROUP, READER_GROUP

    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[EDITOR_GROUP, READER_GROUP]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("conference", "0004_publish_permission"),
        ("sessions_app", "0002_publish_permission"),
        ("speakers_app", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
