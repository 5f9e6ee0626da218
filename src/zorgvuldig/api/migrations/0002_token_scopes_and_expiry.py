# SPDX-License-Identifier: EUPL-1.2
"""Tokens get scopes and an expiry: a token made before keeps every scope and expires a year
after it was made (as a token made today does by default)."""

import datetime

from django.db import migrations, models

from zorgvuldig.api.scopes import SCOPES


def every_scope_for_a_year(apps, schema_editor):
    ApiToken = apps.get_model("api", "ApiToken")
    for token in ApiToken.objects.all():
        token.scopes = sorted(SCOPES)
        token.expires_at = token.created_at + datetime.timedelta(days=365)
        token.save(update_fields=["scopes", "expires_at"])


class Migration(migrations.Migration):
    dependencies = [("api", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="scopes",
            field=models.JSONField(default=list, verbose_name="scopes"),
        ),
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(null=True, verbose_name="expires at"),
        ),
        migrations.RunPython(every_scope_for_a_year, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(verbose_name="expires at"),
        ),
    ]
