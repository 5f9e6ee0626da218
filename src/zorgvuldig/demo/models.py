# SPDX-License-Identifier: EUPL-1.2
"""What the demo loader has loaded, so that loading it again changes nothing."""

from django.db import models


class DemoRegion(models.Model):
    key = models.CharField(max_length=50, primary_key=True)
    clients = models.PositiveIntegerField(default=0)
    loaded_at = models.DateTimeField(auto_now=True)
