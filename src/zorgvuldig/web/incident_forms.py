# SPDX-License-Identifier: EUPL-1.2
"""The forms of incidents and breaches (art3.2f, GDPR art. 33 and 34): the report any employee
makes, and the privacy officer's steps: the details, the awareness, a phase of the notification
or the reasoned decision that none is needed, the search of the log, the decision on telling
the data subjects, a letter's delivery, closing; a client attached by hand or taken off.

Times are asked as a day and a time in the browser's picker and read in the zone of the
organisation (Europe/Amsterdam), so the gate gets a time stamp with its zone. The forms check
only the shape of the input; what it must be (a discovery time, the order of the times, the
reasons of a late notification, the measures to close) is the gate's: its errors go on the
fields they name. So the fields the gate requires are not required here.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zorgvuldig.incidents import codes
from zorgvuldig.web import labels
from zorgvuldig.web.fields import (
    CHECKBOX,
    bsn_field,
    checkbox_field,
    checkboxes_field,
    text_field,
)
from zorgvuldig.web.forms import GateForm


class MomentInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def moment_field(label, **kwargs) -> forms.DateTimeField:
    """A day and a time, in the organisation's zone."""
    kwargs.setdefault("required", False)
    return forms.DateTimeField(label=label, widget=MomentInput(), **kwargs)


def _choice(label, choices, *, empty=None, radio=False, **kwargs) -> forms.ChoiceField:
    options = list(choices)
    if empty is not None:
        options = [("", empty), *options]
    widget = forms.RadioSelect(attrs=CHECKBOX) if radio else forms.Select()
    # a group of radio buttons is answered by choosing one; a list may stay empty for the gate
    kwargs.setdefault("required", radio)
    return forms.ChoiceField(label=label, choices=options, widget=widget, **kwargs)


def _count(label, **kwargs) -> forms.IntegerField:
    return forms.IntegerField(label=label, required=False, min_value=0, **kwargs)


def _text(label, rows=3, **kwargs) -> forms.CharField:
    kwargs.setdefault("required", False)
    return text_field(label, rows=rows, max_length=4000, **kwargs)


class _IncidentForm(GateForm):
    """A form whose fields the gate checks: none is marked optional."""

    gate_fields = {
        "natureOther": "nature_other",
        "startedAt": "started_at",
        "discoveredAt": "discovered_at",
        "containedAt": "contained_at",
        "peopleAffected": "people_affected",
        "recordsAffected": "records_affected",
        "crossBorder": "cross_border",
        "awareAt": "aware_at",
        "reportedAt": "reported_at",
        "apReference": "ap_reference",
        "delayReasons": "delay_reasons",
        "windowFrom": "window_from",
        "windowTo": "window_to",
        "employeeId": "employee",
        "recipientPartnerId": "recipient",
        "publicNotice": "public_notice",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.hide_optional = True


def _nature():
    return _choice(
        _("What happened"),
        codes.Nature.choices,
        empty=_("Choose what happened…"),
    )


def _nature_other():
    return forms.CharField(
        label=_("In a few words, what happened"),
        required=False,
        max_length=200,
        help_text=_("Only when none of the kinds fits."),
    )


def _summary():
    return _text(
        _("Description"),
        rows=4,
        help_text=_(
            "What happened, without names or other personal data: the privacy officer attaches "
            "the clients it concerns."
        ),
    )


def _categories():
    return checkboxes_field(
        _("Which data it concerned"), choices=labels.choices("category"), required=False
    )


class ReportForm(_IncidentForm):
    """art3.2f: any employee reports an incident of their own organisation."""

    nature = _nature()
    nature_other = _nature_other()
    summary = _summary()
    discovered_at = moment_field(_("Discovered at"), help_text=_("When the incident was found."))
    started_at = moment_field(
        _("Started at"), help_text=_("As far as known: when it (probably) began.")
    )
    categories = _categories()
    people_affected = _count(_("About how many people"), help_text=_("Leave empty when unknown."))


class DetailsForm(_IncidentForm):
    """What the privacy officer completes or corrects: everything the notification asks."""

    nature = _nature()
    nature_other = _nature_other()
    summary = _summary()
    started_at = moment_field(_("Started at"))
    discovered_at = moment_field(_("Discovered at"))
    contained_at = moment_field(_("Contained at"), help_text=_("When the leak was stopped."))
    categories = _categories()
    people_affected = _count(_("About how many people"))
    records_affected = _count(_("About how many records"))
    encrypted = _choice(
        _("Was the data encrypted or otherwise unintelligible to others?"),
        codes.Encryption.choices,
        radio=True,
    )
    consequences = _text(_("Likely consequences for the people concerned"))
    severity = _choice(
        _("Severity of the consequences"), codes.Severity.choices, empty=_("Not assessed yet")
    )
    measures = _text(_("Measures taken or proposed"))
    cross_border = checkbox_field(_("People or processing in other EU countries are concerned"))

    def changes(self) -> dict:
        """Every field, as the gate's ``update_incident`` takes them."""
        data = dict(self.cleaned_data)
        data["categories"] = list(data["categories"])
        return data


class AwarenessForm(_IncidentForm):
    aware_at = moment_field(
        _("Aware at"),
        help_text=_(
            "When your organisation became reasonably certain that personal data was affected. "
            "The 72 hours run from then."
        ),
    )
    reason = _text(_("Why it is certain"), help_text=_("Who established it, and how."))


class NotificationForm(_IncidentForm):
    kind = _choice(_("Phase"), codes.PhaseKind.choices, radio=True)
    reported_at = moment_field(_("Notified at"))
    ap_reference = forms.CharField(
        label=_("Reference of the Autoriteit Persoonsgegevens"),
        required=False,
        max_length=50,
        help_text=_("The number the AP gave the notification (meldnummer)."),
    )
    delay_reasons = _text(
        _("Reasons for the delay"),
        help_text=_("Only for a first notification later than 72 hours after the awareness."),
    )
    note = _text(_("Note"), help_text=_("What was added, or why the notification is withdrawn."))


class ExemptionForm(_IncidentForm):
    reason = _text(
        _("Why the breach is unlikely to result in a risk to the people concerned"),
        help_text=_("Then it is not notified (GDPR art. 33(1)); the reasons are kept."),
    )


class SearchForm(_IncidentForm):
    """The clients affected, from the processing log: a window, and as far as known who
    processed, to whom it was shared, which data."""

    window_from = moment_field(_("From"))
    window_to = moment_field(_("Until"))
    employee = forms.ChoiceField(label=_("Processed by"), required=False)
    recipient = forms.ChoiceField(label=_("Shared with"), required=False)
    categories = _categories()

    def __init__(self, *args, employees=(), partners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employee"].choices = [("", _("Anyone of the organisation")), *employees]
        self.fields["recipient"].choices = [("", _("Any recipient, or none")), *partners]


class AttachForm(_IncidentForm):
    """A client of the organisation attached by hand, by BSN (sent by POST, never in a URL)."""

    bsn = bsn_field(required=False)


class DetachForm(_IncidentForm):
    """A client attached by mistake, taken off the incident with why."""

    reason = _text(_("Why this client was not affected"), rows=2)


class SubjectDecisionForm(_IncidentForm):
    outcome = _choice(_("Are the data subjects told?"), codes.SubjectOutcome.choices, radio=True)
    reason = _text(_("Reasons"), help_text=_("Also when nobody is told (GDPR art. 33(5))."))
    public_notice = _text(
        _("Public notice"), help_text=_("Only instead of letters: where and how it is published.")
    )


class LetterForm(_IncidentForm):
    status = _choice(
        _("Delivery"),
        [
            (codes.LetterStatus.SENT, _("Sent")),
            (codes.LetterStatus.FAILED, _("Could not be delivered")),
        ],
        radio=True,
    )
    note = forms.CharField(label=_("Why it could not be delivered"), required=False, max_length=500)


class CloseForm(_IncidentForm):
    measures = _text(
        _("Measures taken"),
        help_text=_("The partner takes the measures the incident calls for (art. 3(2)(f))."),
    )
