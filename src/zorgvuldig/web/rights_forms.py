# SPDX-License-Identifier: EUPL-1.2
"""The forms of the rights of data subjects (art9, art10): registering a request and each
step of its handling.

The forms check the shape of the input; who may ask and sign (art10), the deadlines and what a
decision needs (art9.5) are the gate's: its errors are put on the fields they name.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgvuldig.rights.codes import (
    IdentityMethod,
    Outcome,
    RefusalGround,
    RequestKind,
    StanceKind,
    WithholdingGround,
)
from zorgvuldig.web.forms import _CHECKBOX, DateInput, GateForm
from zorgvuldig.web.labels import label

_YES_NO = [("ja", _("Yes")), ("nee", _("No"))]


def _reason(text, max_length: int = 2000) -> forms.CharField:
    return forms.CharField(
        label=text, max_length=max_length, widget=forms.Textarea(attrs={"rows": 3})
    )


def _date(text, help_text, *, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=text,
        widget=DateInput(),
        initial=timezone.localdate,
        help_text=help_text,
        required=required,
    )


def _checkboxes(text, choices, help_text="") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=text,
        choices=choices,
        required=False,
        help_text=help_text,
        widget=forms.CheckboxSelectMultiple(attrs=_CHECKBOX),
    )


def _people(choices) -> list[tuple[str, str]]:
    return [(str(p.subject_id), f"{p.name} ({label('decider', p.role)})") for p in choices.people]


class RegisterRequestForm(GateForm):
    """art9: who asks, for what, who signed, how their identity was established, when."""

    kind = forms.ChoiceField(label=_("What is asked"))
    requested_by = forms.ChoiceField(label=_("Asked by"))
    signed_by = _checkboxes(
        _("Also signed by"),
        [],
        _("From 12 to 15 the client and the legal representative both sign (art. 10(1))."),
    )
    identity_method = forms.ChoiceField(
        label=_("Identity established by"), choices=IdentityMethod.choices
    )
    identity_note = forms.CharField(
        label=_("Note on the identity"),
        max_length=1000,
        required=False,
        help_text=_("For instance the kind of document shown; never its number."),
    )
    received_on = _date(_("Received on"), _("The day the request came in; not in the future."))
    details = forms.CharField(
        label=_("What the requester asks, in their words"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required for a correction, an addition and an objection."),
    )
    items = _checkboxes(
        _("The data it is about"),
        [],
        _("Required for a correction, addition, deletion, blocking, restriction or objection."),
    )
    gate_fields = {
        "requestedBySubjectId": "requested_by",
        "signedBySubjectIds": "signed_by",
        "identityMethod": "identity_method",
        "identityNote": "identity_note",
        "receivedOn": "received_on",
        "itemIds": "items",
    }

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k, RequestKind(k).label) for k in choices.kinds]
        people = _people(choices)
        self.fields["requested_by"].choices = people
        self.fields["signed_by"].choices = people
        self.fields["items"].choices = [
            (str(i.item_id), f"{i.label} ({label('category', i.category)})") for i in choices.items
        ]


class PauseForm(GateForm):
    reason = _reason(_("What you wait for"), 1000)


class ExtendForm(GateForm):
    reason = _reason(_("Why more time is needed"), 2000)
    announced_on = _date(
        _("Requester told on"),
        _("The requester must be told, with the reason, before the first deadline ends."),
    )
    gate_fields = {"announcedOn": "announced_on"}


class DecideForm(GateForm):
    """art9.5: first whether refusing is needed to protect, then the outcome and its grounds."""

    protection_needed = forms.ChoiceField(
        label=_(
            "Is refusing needed to protect the data subject or the rights and freedoms of others?"
        ),
        choices=_YES_NO,
        widget=forms.RadioSelect(attrs=_CHECKBOX),
        help_text=_("If so, the request must be refused (art. 9(5))."),
    )
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=Outcome.choices, widget=forms.RadioSelect(attrs=_CHECKBOX)
    )
    granted_items = _checkboxes(_("Granted for"), [], _("Only when partly granted."))
    refusal_ground = forms.ChoiceField(
        label=_("Ground of the refusal"),
        choices=[("", _("Choose the ground…")), *RefusalGround.choices],
        required=False,
    )
    refusal_reason = forms.CharField(
        label=_("Written reason for the requester"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    gate_fields = {
        "protectionNeeded": "protection_needed",
        "grantedItemIds": "granted_items",
        "refusalGround": "refusal_ground",
        "refusalReason": "refusal_reason",
    }

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["granted_items"].choices = items


class CarryOutForm(GateForm):
    """What each granted item is to say (a correction) or what is added (an addition)."""

    gate_fields = {"newValues": None}

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        for item_id, text in items:
            self.fields[f"value_{item_id}"] = forms.CharField(
                label=text, max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
            )

    def new_values(self) -> dict[str, str]:
        return {
            name.removeprefix("value_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("value_")
        }


class SendOverviewForm(GateForm):
    sent_on = _date(_("Sent on"), _("The day the overview went to the requester."))
    gate_fields = {"sentOn": "sent_on"}


class NoticeForm(GateForm):
    """art9.6: a letter was sent, or telling this recipient is impossible."""

    delivered = forms.ChoiceField(
        label=_("Was the recipient told?"),
        choices=[("ja", _("Yes, the letter was sent")), ("nee", _("No, it is impossible"))],
        widget=forms.RadioSelect(attrs=_CHECKBOX),
    )
    impossible_reason = forms.CharField(
        label=_("Why it is impossible"), max_length=1000, required=False
    )
    gate_fields = {"impossibleReason": "impossible_reason"}


class WithholdForm(GateForm):
    """art9.3: an item not shown, with its ground and reason."""

    item = forms.ChoiceField(label=_("Item"))
    ground = forms.ChoiceField(
        label=_("Ground"),
        choices=[(g, WithholdingGround(g).label) for g in ("protect-subject", "protect-others")],
    )
    reason = _reason(_("Reason"))
    gate_fields = {"itemId": "item"}

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = items


class StanceForm(GateForm):
    """art10.2 (does not wish to act) or art10.3 (limited for weighty interests)."""

    representative = forms.ChoiceField(label=_("Representative"))
    kind = forms.ChoiceField(label=_("What you record"), choices=StanceKind.choices)
    reason = _reason(_("Reason"))
    gate_fields = {"representativeSubjectId": "representative"}

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["representative"].choices = people


class JudgementForm(GateForm):
    """art10.2: the partner judges that the client (16 or older) cannot exercise the rights."""

    judged_on = _date(_("Judged on"), _("Not in the future."))
    reason = _reason(_("Why the client cannot oversee it"))
    gate_fields = {"judgedOn": "judged_on"}
