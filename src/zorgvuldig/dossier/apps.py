from django.apps import AppConfig


class DossierConfig(AppConfig):
    name = "zorgvuldig.dossier"
    label = "dossier"
    verbose_name = "Dossier"
