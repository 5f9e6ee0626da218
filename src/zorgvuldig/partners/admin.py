# SPDX-License-Identifier: EUPL-1.2
"""The functional administrator's screens: partners, their commitment, employees (art1, art3.2).

Personal data of clients is deliberately not in the admin: it only passes the gate.
"""

from django.contrib import admin

from zorgvuldig.partners.models import (
    Employee,
    Partner,
    ProtocolAcknowledgement,
    ProtocolCommitment,
)


class CommitmentInline(admin.TabularInline):
    model = ProtocolCommitment
    extra = 0


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "oin", "municipality"]
    list_filter = ["kind"]
    search_fields = ["name", "oin"]
    inlines = [CommitmentInline]


class AcknowledgementInline(admin.TabularInline):
    model = ProtocolAcknowledgement
    extra = 0
    readonly_fields = ["protocol_version", "acknowledged_at"]

    def has_add_permission(self, request, obj=None):
        return False  # an employee acknowledges personally (art3.2d)


@admin.register(Employee)
class EmployeeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "partner", "role", "is_active"]
    list_filter = ["partner", "role", "is_active"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    list_select_related = ["user", "partner"]
    autocomplete_fields = ["user"]
    inlines = [AcknowledgementInline]


@admin.register(ProtocolAcknowledgement)
class ProtocolAcknowledgementAdmin(admin.ModelAdmin):
    """Who acknowledged which protocol version when (art3.2e)."""

    list_display = ["employee", "protocol_version", "acknowledged_at"]
    list_filter = ["protocol_version", "employee__partner"]
    list_select_related = ["employee__user", "employee__partner"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
