# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "zorgvuldig.retention"
    label = "retention"
    verbose_name = "Bewaren en vernietigen"
