# SPDX-License-Identifier: EUPL-1.2
"""The recipient's side of a share is called what users call it: a received share."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("exchange", "0006_safety_case_closing"),
        ("partners", "0001_initial"),
        ("clients", "0001_initial"),
        ("dossier", "0001_initial"),
    ]

    operations = [
        migrations.RenameModel("Delivery", "ReceivedShare"),
        migrations.AlterField(
            model_name="receivedshare",
            name="disclosure",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="received_share",
                to="exchange.disclosure",
            ),
        ),
        migrations.RenameIndex(
            model_name="receivedshare",
            new_name="received_share_waiting",
            old_name="delivery_inbox",
        ),
    ]
