# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ProcessingLogConfig(AppConfig):
    name = "zorgvuldig.processing_log"
    label = "processing_log"
    verbose_name = "Verwerkingenlogboek"
