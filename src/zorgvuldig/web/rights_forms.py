# SPDX-License-Identifier: EUPL-1.2
"""The forms of the rights of data subjects (art9, art10): registering a request and each
step of its handling.

The forms check the shape of the input; who may ask and sign (art10), the deadlines and what a
decision needs (art9.5) are the gate's: its errors are put on the fields they name.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zorgvuldig.rights import codes
from zorgvuldig.web.fields import (
    CHECKBOX,
    checkboxes_field,
    date_field,
    text_field,
    yes_no_field,
)
from zorgvuldig.web.forms import GateForm
from zorgvuldig.web.labels import label


def _people(choices) -> list[tuple[str, str]]:
    return [(str(p.subject_id), f"{p.name} ({label('decider', p.role)})") for p in choices.people]


class RegisterRequestForm(GateForm):
    """art9: who asks, for what, who signed, how their identity was established, when."""

    kind = forms.ChoiceField(label=_("What is asked"))
    requested_by_subject_id = forms.ChoiceField(label=_("Asked by"))
    signed_by_subject_ids = checkboxes_field(
        _("Also signed by"),
        required=False,
        help_text=_(
            "From 12 to 15 the client and the legal representative both sign (art. 10(1))."
        ),
    )
    identity_method = forms.ChoiceField(
        label=_("Identity established by"), choices=codes.IdentityMethod.choices
    )
    identity_note = forms.CharField(
        label=_("Note on the identity"),
        max_length=1000,
        required=False,
        help_text=_("For instance the kind of document shown; never its number."),
    )
    received_on = date_field(
        _("Received on"), help_text=_("The day the request came in; not in the future.")
    )
    details = text_field(
        _("What the requester asks, in their words"),
        rows=4,
        max_length=4000,
        required=False,
        help_text=_("Required for a correction, an addition and an objection."),
    )
    item_ids = checkboxes_field(
        _("The data it is about"),
        required=False,
        help_text=_(
            "Required for a correction, addition, deletion, blocking, restriction or objection."
        ),
    )
    gate_fields = {
        "requestedBySubjectId": "requested_by_subject_id",
        "signedBySubjectIds": "signed_by_subject_ids",
        "identityMethod": "identity_method",
        "identityNote": "identity_note",
        "receivedOn": "received_on",
        "itemIds": "item_ids",
    }

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k, codes.RequestKind(k).label) for k in choices.kinds]
        people = _people(choices)
        self.fields["requested_by_subject_id"].choices = people
        self.fields["signed_by_subject_ids"].choices = people
        self.fields["item_ids"].choices = [
            (str(i.item_id), f"{i.label} ({label('category', i.category)})") for i in choices.items
        ]


def _reason(label, max_length: int = 2000) -> forms.CharField:
    return text_field(label, rows=3, max_length=max_length)


class _ChoosingForm(GateForm):
    """A form with one choice among what the page offers (``options``: (value, label))."""

    chosen = ""

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.chosen].choices = options


class PauseForm(GateForm):
    reason = _reason(_("What you wait for"), 1000)


class ExtendForm(GateForm):
    reason = _reason(_("Why more time is needed"))
    announced_on = date_field(
        _("Requester told on"),
        help_text=_("The requester must be told, with the reason, before the first deadline ends."),
    )
    gate_fields = {"announcedOn": "announced_on"}


class DecideForm(_ChoosingForm):
    """art9.5: first whether refusing is needed to protect, then the outcome and its grounds."""

    protection_needed = yes_no_field(
        _("Is refusing needed to protect the data subject or the rights and freedoms of others?")
    )
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=codes.Outcome.choices, widget=forms.RadioSelect(attrs=CHECKBOX)
    )
    granted_items = checkboxes_field(
        _("Granted for"), required=False, help_text=_("Only when partly granted.")
    )
    refusal_ground = forms.ChoiceField(
        label=_("Ground of the refusal"),
        choices=[("", _("Choose the ground…")), *codes.RefusalGround.choices],
        required=False,
    )
    refusal_reason = text_field(
        _("Written reason for the requester"), rows=4, max_length=4000, required=False
    )
    gate_fields = {
        "protectionNeeded": "protection_needed",
        "grantedItemIds": "granted_items",
        "refusalGround": "refusal_ground",
        "refusalReason": "refusal_reason",
    }

    chosen = "granted_items"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["protection_needed"].help_text = _(
            "If so, the request must be refused (art. 9(5))."
        )


class CarryOutForm(GateForm):
    """What each granted item is to say (a correction) or what is added (an addition)."""

    gate_fields = {"newValues": None}

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        for item_id, text in items:
            self.fields[f"value_{item_id}"] = text_field(text, rows=2, max_length=4000)

    def new_values(self) -> dict[str, str]:
        return {
            name.removeprefix("value_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("value_")
        }


class SendOverviewForm(GateForm):
    sent_on = date_field(_("Sent on"), help_text=_("The day the overview went to the requester."))
    gate_fields = {"sentOn": "sent_on"}


class NoticeForm(GateForm):
    """art9.6: a letter was sent, or telling this recipient is impossible."""

    delivered = forms.ChoiceField(
        label=_("Was the recipient told?"),
        choices=[("ja", _("Yes, the letter was sent")), ("nee", _("No, it is impossible"))],
        widget=forms.RadioSelect(attrs=CHECKBOX),
    )
    impossible_reason = forms.CharField(
        label=_("Why it is impossible"), max_length=1000, required=False
    )
    gate_fields = {"impossibleReason": "impossible_reason"}


class WithholdForm(_ChoosingForm):
    """art9.3: an item not shown, with its ground and reason."""

    item = forms.ChoiceField(label=_("Item"))
    ground = forms.ChoiceField(
        label=_("Ground"),
        choices=[
            (g, codes.WithholdingGround(g).label) for g in ("protect-subject", "protect-others")
        ],
    )
    reason = _reason(_("Reason"))
    gate_fields = {"itemId": "item"}
    chosen = "item"


class StanceForm(_ChoosingForm):
    """art10.2 (does not wish to act) or art10.3 (limited for weighty interests)."""

    representative = forms.ChoiceField(label=_("Representative"))
    kind = forms.ChoiceField(label=_("What you record"), choices=codes.StanceKind.choices)
    reason = _reason(_("Reason"))
    gate_fields = {"representativeSubjectId": "representative"}
    chosen = "representative"


class JudgementForm(GateForm):
    """art10.2: the partner judges that the client (16 or older) cannot exercise the rights."""

    judged_on = date_field(_("Judged on"), help_text=_("Not in the future."))
    reason = _reason(_("Why the client cannot oversee it"))
    gate_fields = {"judgedOn": "judged_on"}


# -- the client's own view (art9.3, decision 25) --------------------------------------------


class HoldBackForm(GateForm):
    """art9.3: hold one processing back from the client's own view, with the reason (the
    processing is the page's row: its trace id is sent beside the form)."""

    reason = _reason(_("Why showing it would harm the client or others"))


class ReleaseForm(GateForm):
    """art9.3: show a processing held back in the client's own view from now on; ``kind``:
    what held it back (meldcode, veilig-thuis or harm), filled in by the page."""

    kind = forms.ChoiceField(choices=codes.ViewHoldKind.choices, widget=forms.HiddenInput)
