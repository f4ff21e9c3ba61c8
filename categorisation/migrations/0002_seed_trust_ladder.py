"""Load the seed trust's five-level ladder (education, finance, Site & H&S) as data."""

from django.db import migrations

from categorisation.ladders.loader import ladder_load, read_ladder_file

LADDER_FILE = "schools_for_every_child.json"


def load(apps, schema_editor):
    ladder_load(
        read_ladder_file(LADDER_FILE),
        Ladder=apps.get_model("categorisation", "Ladder"),
        Level=apps.get_model("categorisation", "Level"),
        Characteristic=apps.get_model("categorisation", "Characteristic"),
        AllowedMove=apps.get_model("categorisation", "AllowedMove"),
    )


def unload(apps, schema_editor):
    Ladder = apps.get_model("categorisation", "Ladder")
    Ladder.objects.filter(name=read_ladder_file(LADDER_FILE)["name"]).delete()


class Migration(migrations.Migration):
    dependencies = [("categorisation", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
