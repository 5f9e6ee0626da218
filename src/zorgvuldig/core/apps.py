# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "zorgvuldig.core"
    label = "core"
    verbose_name = "zorgvuldig"
