# SPDX-License-Identifier: EUPL-1.2
"""IT staff see and end the partners' webhook subscriptions and follow the deliveries."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.webhooks import subscriptions
from zorgvuldig.webhooks.models import Notification, Subscription


class SubscriptionForm(forms.ModelForm):
    # declared, not in Meta.fields: the model's default form field would assume http
    url = forms.URLField(label=_("URL"), max_length=500, assume_scheme="https")

    class Meta:
        model = Subscription
        fields = ["partner", "is_active"]

    def clean_url(self):
        try:
            return subscriptions.check_url(self.cleaned_data["url"])
        except InvalidInput as error:
            raise forms.ValidationError(error.errors["url"]) from None


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    form = SubscriptionForm
    list_display = ["url", "partner", "is_active", "created_at"]
    list_filter = ["is_active", "partner"]
    fields = ["partner", "url", "is_active"]

    def get_readonly_fields(self, request, obj=None):
        return ["partner", "url"] if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        made, secret = subscriptions.subscribe(obj.partner_id, obj.url)
        obj.pk = made.pk
        messages.warning(
            request,
            _("Signing secret, shown only now; give it to the partner's system: %(secret)s")
            % {"secret": secret},
        )


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = [
        "event",
        "subscription",
        "created_at",
        "attempts",
        "last_status",
        "delivered_at",
    ]
    list_filter = ["event", "delivered_at"]
    readonly_fields = [f.name for f in Notification._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
