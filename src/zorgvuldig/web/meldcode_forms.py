# SPDX-License-Identifier: EUPL-1.2
"""The forms of the Meldcode (art8.1): opening a safety case with the signals (step 1), and
the next step of a case, one at a time, in the Meldcode's order.

The forms check the shape of the input; the order of the steps and what the assessment
framework demands (a report to Veilig Thuis when there is acute or structural unsafety, or no
adequate help) are the gate's: its errors are put on the fields they name.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgvuldig.web.forms import _CHECKBOX, DateInput, GateForm, JustificationMixin, _purpose_field

#: The purpose a Meldcode step serves unless the caseworker chooses another (art2).
SAFETY = "safety"

#: The questions of the assessment framework (afwegingskader, 2019), asked in step 4.
WEIGH_FIELDS = ("acute_or_structural_unsafety", "adequate_help_possible")
#: The decision of step 5.
DECIDE_FIELDS = ("organise_help", "report_to_veilig_thuis", "report_reference")

_YES_NO = [("ja", _("Yes")), ("nee", _("No"))]


class _MeldcodeForm(JustificationMixin, GateForm):
    taken_on = forms.DateField(
        label=_("Date of the step"),
        widget=DateInput(),
        initial=timezone.localdate,
        help_text=_("The day the step was taken; not in the future."),
    )
    purpose = _purpose_field(initial=SAFETY)
    gate_fields = {"takenOn": "taken_on", "justificationGround": "justification_ground"}


class OpenSafetyCaseForm(_MeldcodeForm):
    """Step 1: map the signals of domestic violence or child abuse."""

    signals = forms.CharField(
        label=_("Signals"),
        max_length=5000,
        help_text=_(
            "What you saw, heard or were told, as facts: who, what, when. Step 1 of the Meldcode."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    field_order = ["signals", "taken_on", "purpose", "justification_ground", "justification"]


class MeldcodeStepForm(_MeldcodeForm):
    """The next step of a case, and only that one (steps 2 to 5)."""

    step = forms.CharField(widget=forms.HiddenInput, label=_("Step"))
    conclusion = forms.CharField(
        label=_("What was concluded"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    acute_or_structural_unsafety = forms.ChoiceField(
        label=_("Is there acute or structural unsafety?"),
        choices=_YES_NO,
        widget=forms.RadioSelect(attrs=_CHECKBOX),
    )
    adequate_help_possible = forms.ChoiceField(
        label=_("Can you offer or organise adequate help?"),
        choices=_YES_NO,
        widget=forms.RadioSelect(attrs=_CHECKBOX),
    )
    organise_help = forms.BooleanField(
        label=_("Organise help"),
        required=False,
        widget=forms.CheckboxInput(attrs=_CHECKBOX),
    )
    report_to_veilig_thuis = forms.BooleanField(
        label=_("Report to Veilig Thuis"),
        required=False,
        help_text=_(
            "Required when there is acute or structural unsafety, or when you cannot "
            "offer or organise adequate help (assessment framework)."
        ),
        widget=forms.CheckboxInput(attrs=_CHECKBOX),
    )
    report_reference = forms.CharField(
        label=_("Reference of the report"),
        required=False,
        max_length=100,
        help_text=_("The reference Veilig Thuis gave the report."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    field_order = [
        "step",
        "taken_on",
        "conclusion",
        *WEIGH_FIELDS,
        *DECIDE_FIELDS,
        "purpose",
        "justification_ground",
        "justification",
    ]
    gate_fields = {
        **_MeldcodeForm.gate_fields,
        "acuteOrStructuralUnsafety": "acute_or_structural_unsafety",
        "adequateHelpPossible": "adequate_help_possible",
        "organiseHelp": "organise_help",
        "reportToVeiligThuis": "report_to_veilig_thuis",
        "reportReference": "report_reference",
    }

    def __init__(self, *args, step: str, **kwargs):
        super().__init__(*args, initial={"step": step, **kwargs.pop("initial", {})}, **kwargs)
        if step != "weigh":
            for name in WEIGH_FIELDS:
                del self.fields[name]
        if step != "decide":
            for name in DECIDE_FIELDS:
                del self.fields[name]

    def answers(self) -> dict:
        """The answers of steps 4 and 5 as the gate takes them (None: not asked here)."""
        data = self.cleaned_data
        answers = {name: data[name] == "ja" for name in WEIGH_FIELDS if name in data}
        answers.update({name: data[name] for name in DECIDE_FIELDS if name in data})
        return answers


class CloseSafetyCaseForm(GateForm):
    """Close a case after its decision (step 5), once the follow-up is over (art5.1)."""

    closed_on = forms.DateField(
        label=_("Closed on"),
        widget=DateInput(),
        initial=timezone.localdate,
        help_text=_("The day the follow-up ended; not in the future."),
    )
    note = forms.CharField(
        label=_("Why the case is closed"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "A closed case is no longer a ground for the purpose safety (art. 5 paragraph 1)."
        ),
    )
    purpose = _purpose_field(initial=SAFETY)
    gate_fields = {"closedOn": "closed_on", "safetyCaseId": "note"}
