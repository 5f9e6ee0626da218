# SPDX-License-Identifier: EUPL-1.2
"""The form fields that several forms of the pages ask alike: the purpose (art2), a BSN, a date,
a yes-or-no question, tick boxes. Each form still gives its own label and help where they differ.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgvuldig.web import labels

#: The class of the tick boxes and radio buttons (styled by zorgvuldig.css).
CHECKBOX = {"class": "zv-checkbox__input"}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def date_field(label, *, today: bool = True, **kwargs) -> forms.DateField:
    """A date in the browser's date picker, today to start with (unless ``today=False``)."""
    if today:
        kwargs.setdefault("initial", timezone.localdate)
    return forms.DateField(label=label, widget=DateInput(), **kwargs)


def vocabulary_field(label, kind: str, *, empty, **kwargs) -> forms.ChoiceField:
    """A choice of the codes of one kind of the protocol's vocabulary (:mod:`.labels`), after
    a first option ``empty`` that chooses none."""
    return forms.ChoiceField(label=label, choices=[("", empty), *labels.choices(kind)], **kwargs)


def purpose_field(**kwargs) -> forms.ChoiceField:
    """The purpose of the processing, from the protocol's vocabulary (art2)."""
    return vocabulary_field(
        _("Purpose"),
        "purpose",
        empty=_("Choose the purpose…"),
        help_text=_(
            "Every processing of personal data serves a purpose within the support (art. 2)."
        ),
        **kwargs,
    )


def bsn_field(**kwargs) -> forms.CharField:
    """A citizen service number, typed as digits; never offered for autocompletion."""
    return forms.CharField(
        label=_("BSN"),
        max_length=20,
        help_text=_("The citizen service number, nine digits."),
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "off",
                "class": "utrecht-textbox--numeric",
            }
        ),
        **kwargs,
    )


def yes_no_field(label) -> forms.ChoiceField:
    """A question answered with yes (``ja``) or no (``nee``), as radio buttons."""
    return forms.ChoiceField(
        label=label,
        choices=[("ja", _("Yes")), ("nee", _("No"))],
        widget=forms.RadioSelect(attrs=CHECKBOX),
    )


def checkbox_field(label, **kwargs) -> forms.BooleanField:
    """One tick box; not ticked is an answer too."""
    return forms.BooleanField(
        label=label, required=False, widget=forms.CheckboxInput(attrs=CHECKBOX), **kwargs
    )


def checkboxes_field(label, **kwargs) -> forms.MultipleChoiceField:
    """A choice of several, as tick boxes."""
    return forms.MultipleChoiceField(
        label=label, widget=forms.CheckboxSelectMultiple(attrs=CHECKBOX), **kwargs
    )


def text_field(label, *, rows: int, **kwargs) -> forms.CharField:
    """A text of some lines (a reason, a note, a plan)."""
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": rows}), **kwargs)
