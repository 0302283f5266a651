"""Measures (what key figures measure), and a measure for every figure already loaded.

The figures get their measures by the rule the loader uses (conference/measures.py).
"""

import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

from conference.measures import MeasureFinder


def give_staff_groups_measures(apps, schema_editor):
    """Give the staff roles their permissions on Measure (as 0005 did for the rest)."""
    from conference.staff_groups import sync_staff_groups

    app_config = apps.get_app_config("conference")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    sync_staff_groups(apps=apps)


def assign_measures(apps, schema_editor):
    KeyFigure = apps.get_model("conference", "KeyFigure")
    finder = MeasureFinder(
        apps.get_model("conference", "Measure"),
        apps.get_model("conference", "Municipality"),
    )
    # One update per label and unit: a large database has many figures per label.
    pairs = KeyFigure.objects.order_by().values_list("label", "unit").distinct()
    for label, unit in sorted(pairs):
        KeyFigure.objects.filter(label=label, unit=unit).update(
            measure=finder.measure_id(label, unit)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("conference", "0010_search_unaccent_trigram"),
    ]

    operations = [
        migrations.CreateModel(
            name="Measure",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("name", models.CharField(max_length=255, verbose_name="namn")),
                (
                    "slug",
                    models.SlugField(
                        help_text="Måttets namn i adresser och i API:t (?measure=…).",
                        max_length=100,
                        unique=True,
                        verbose_name="slug",
                    ),
                ),
                (
                    "unit",
                    models.CharField(
                        choices=[
                            ("persons", "personer"),
                            ("percent", "procent"),
                            ("SEK", "kronor"),
                            ("days", "dagar"),
                            ("weeks", "veckor"),
                            ("months", "månader"),
                            ("years", "år"),
                            ("hours", "timmar"),
                            ("households", "hushåll"),
                            ("count", "antal"),
                        ],
                        max_length=20,
                        verbose_name="enhet",
                    ),
                ),
                (
                    "definition",
                    models.TextField(
                        blank=True,
                        help_text="Vad måttet mäter och hur.",
                        verbose_name="definition",
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        blank=True,
                        help_text="Var siffrorna kommer ifrån, till exempel SCB eller Kolada.",
                        max_length=255,
                        verbose_name="källa",
                    ),
                ),
                (
                    "keys",
                    models.JSONField(
                        blank=True,
                        default=list,
                        editable=False,
                        help_text="Etiketterna, normaliserade, som inläsningen för till måttet.",
                        verbose_name="normaliserade etiketter",
                    ),
                ),
            ],
            options={
                "verbose_name": "mått",
                "verbose_name_plural": "mått",
                "ordering": ["name", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("name", ""), _negated=True),
                        name="measure_name_not_empty",
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="historicalkeyfigure",
            name="measure",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Siffror som mäter samma sak hör till samma mått.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="conference.measure",
                verbose_name="mått",
            ),
        ),
        migrations.AddField(
            model_name="keyfigure",
            name="measure",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                help_text="Siffror som mäter samma sak hör till samma mått.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="key_figures",
                to="conference.measure",
                verbose_name="mått",
            ),
        ),
        migrations.AddIndex(
            model_name="keyfigure",
            index=models.Index(
                fields=["measure", "municipality", "year"],
                name="key_figure_measure_area",
            ),
        ),
        migrations.RunPython(assign_measures, migrations.RunPython.noop),
        migrations.RunPython(give_staff_groups_measures, migrations.RunPython.noop),
    ]
