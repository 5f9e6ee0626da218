# SPDX-License-Identifier: EUPL-1.2
"""The register of processing activities (AVG art. 30) for the functional administrator."""

from django.contrib import admin

from zorgvuldig.processing_log.models import ProcessingActivity


@admin.register(ProcessingActivity)
class ProcessingActivityAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "legal_basis", "controller"]
    search_fields = ["id", "name"]
