# SPDX-License-Identifier: EUPL-1.2
"""The forms of the Meldcode (art8.1): opening a safety case with the signals (step 1), and
the next step of a case, one at a time, in the Meldcode's order.

The forms check the shape of the input; the order of the steps and what the assessment
framework demands (a report to Veilig Thuis when there is acute or structural unsafety, or no
adequate help) are the gate's: its errors are put on the fields they name.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zorgvuldig.web.fields import (
    checkbox_field,
    date_field,
    purpose_field,
    text_field,
    yes_no_field,
)
from zorgvuldig.web.forms import GateForm, JustificationMixin

#: The purpose a Meldcode step serves unless the caseworker chooses another (art2).
SAFETY = "safety"

#: The questions of the assessment framework (afwegingskader, 2019), asked in step 4.
WEIGH_FIELDS = ("acute_or_structural_unsafety", "adequate_help_possible")
#: The decision of step 5.
DECIDE_FIELDS = ("organise_help", "report_to_veilig_thuis", "report_reference")


class _MeldcodeForm(JustificationMixin, GateForm):
    taken_on = date_field(
        _("Date of the step"), help_text=_("The day the step was taken; not in the future.")
    )
    purpose = purpose_field(initial=SAFETY)
    gate_fields = {"takenOn": "taken_on", "justificationGround": "justification_ground"}


class OpenSafetyCaseForm(_MeldcodeForm):
    """Step 1: map the signals of domestic violence or child abuse."""

    signals = text_field(
        _("Signals"),
        rows=5,
        max_length=5000,
        help_text=_(
            "What you saw, heard or were told, as facts: who, what, when. Step 1 of the Meldcode."
        ),
    )
    field_order = ["signals", "taken_on", "purpose", "justification_ground", "justification"]


class MeldcodeStepForm(_MeldcodeForm):
    """The next step of a case, and only that one (steps 2 to 5)."""

    step = forms.CharField(widget=forms.HiddenInput, label=_("Step"))
    conclusion = text_field(_("What was concluded"), rows=4, max_length=5000)
    acute_or_structural_unsafety = yes_no_field(_("Is there acute or structural unsafety?"))
    adequate_help_possible = yes_no_field(_("Can you offer or organise adequate help?"))
    organise_help = checkbox_field(_("Organise help"))
    report_to_veilig_thuis = checkbox_field(
        _("Report to Veilig Thuis"),
        help_text=_(
            "Required when there is acute or structural unsafety, or when you cannot "
            "offer or organise adequate help (assessment framework)."
        ),
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

    closed_on = date_field(
        _("Closed on"), help_text=_("The day the follow-up ended; not in the future.")
    )
    note = text_field(
        _("Why the case is closed"),
        rows=4,
        max_length=5000,
        help_text=_(
            "A closed case is no longer a ground for the purpose safety (art. 5 paragraph 1)."
        ),
    )
    purpose = purpose_field(initial=SAFETY)
    gate_fields = {"closedOn": "closed_on", "safetyCaseId": "note"}
