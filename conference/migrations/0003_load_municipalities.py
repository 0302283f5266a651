from django.db import migrations


def load(apps, schema_editor):
    from conference.reference_data import sync_municipalities

    sync_municipalities(apps.get_model("conference", "Municipality"))


class Migration(migrations.Migration):
    dependencies = [("conference", "0002_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
