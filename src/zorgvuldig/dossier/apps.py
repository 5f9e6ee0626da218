# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class DossierConfig(AppConfig):
    name = "zorgvuldig.dossier"
    label = "dossier"
    verbose_name = "Dossier"
