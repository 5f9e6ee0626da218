# SPDX-License-Identifier: EUPL-1.2
"""The form of the second step: one code, from the app or a recovery code."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zorgvuldig.web.forms import UtrechtFormMixin


class CodeForm(UtrechtFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The 6 digits the app shows, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autofocus": True,
                "spellcheck": "false",
                "autocapitalize": "none",
                "class": "zv-textbox--code",
            }
        ),
    )

    def __init__(self, *args, app_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if app_only:
            # setting up the app: its first code, six digits
            self.fields["code"].label = _("Code from the app")
            self.fields["code"].help_text = _("The 6 digits the app now shows for zorgvuldig.")
            self.fields["code"].widget.attrs["inputmode"] = "numeric"
