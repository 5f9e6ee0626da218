# SPDX-License-Identifier: EUPL-1.2
"""The forms of breaking the glass (art3.2c; decision 23): the caseworker's emergency access,
with a reason, an explanation and the code of their authenticator app again; the privacy
officer's review. The gate checks what the answers must be; its errors go on the fields."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zorgvuldig.web import labels
from zorgvuldig.web.fields import CHECKBOX, text_field
from zorgvuldig.web.forms import GateForm


class BreakGlassForm(GateForm):
    reason = forms.ChoiceField(
        label=_("Reason"),
        required=False,
        widget=forms.RadioSelect(attrs=CHECKBOX),
    )
    explanation = text_field(
        _("Explanation"),
        rows=3,
        max_length=2000,
        required=False,
        help_text=_("Why you need this client's dossier now, without being assigned."),
    )
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=20,
        required=False,
        help_text=_("Give the code your app shows now: breaking the glass asks for it again."),
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = labels.choices("emergency_reason")


class ReviewForm(GateForm):
    justified = forms.ChoiceField(
        label=_("Was the emergency access justified?"),
        required=False,
        choices=[("ja", _("Yes, justified")), ("nee", _("No, not justified"))],
        widget=forms.RadioSelect(attrs=CHECKBOX),
    )
    note = text_field(_("Note"), rows=3, max_length=2000, required=False)

    def judgement(self) -> bool | None:
        return {"ja": True, "nee": False}.get(self.cleaned_data.get("justified"))
