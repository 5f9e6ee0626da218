# SPDX-License-Identifier: EUPL-1.2
"""Refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) on log records and anchors.

Requirement: "on PostgreSQL a trigger refuses UPDATE and DELETE on the table"; see
zorgvuldig.processing_log.triggers for the SQL on PostgreSQL and SQLite.
"""

from django.db import migrations

from zorgvuldig.processing_log import triggers


def install(apps, schema_editor):
    triggers.install(schema_editor.connection)


def remove(apps, schema_editor):
    triggers.remove(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ("processing_log", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(install, remove),
    ]
