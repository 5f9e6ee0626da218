# SPDX-License-Identifier: EUPL-1.2
"""The forms of informing and consent (art4.1-art4.5) on the dossier's consent panel.

Like every form of the pages they check the shape of the input only; the gate checks what it
means (concrete organisations, who may decide, what an uploaded file really is) and its errors
land on the fields they name.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgvuldig.partners.models import Partner
from zorgvuldig.web import labels
from zorgvuldig.web.fields import CHECKBOX as _CHECKBOX
from zorgvuldig.web.fields import DateInput
from zorgvuldig.web.forms import GateForm


def _today():
    return timezone.localdate()


def _deciders(overview) -> list[tuple[str, str]]:
    """The client, then the persons recorded as related who may decide for the client."""
    client = (("", _("%(name)s (the client)") % {"name": overview.client_name}),)
    return [
        *client,
        *(
            (str(r.subject_id), f"{r.full_name} ({labels.label('relation', r.kind)})")
            for r in overview.representatives
        ),
    ]


class InformingForm(GateForm):
    """art4.1: the client is told that data is recorded and may be exchanged, and with whom."""

    organisations = forms.CharField(
        label=_("Organisations named"),
        help_text=_(
            "One organisation per line, by name, as concretely as you named them to the "
            "client (art. 4 paragraph 1)."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    how = forms.ChoiceField(label=_("How"), choices=labels.choices("informing_method"))
    informed_on = forms.DateField(label=_("Informed on"), widget=DateInput(), initial=_today)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        help_text=_(
            "What else you told the client, for example how signals of domestic violence "
            "are handled (art. 8)."
        ),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    gate_fields = {"informedOn": "informed_on"}

    def clean_organisations(self) -> list[str]:
        return [
            line.strip() for line in self.cleaned_data["organisations"].splitlines() if line.strip()
        ]


class _DecisionForm(GateForm):
    """What a decision about consent records in any case: who decided, when, and a note."""

    given_by = forms.ChoiceField(
        label=_("Decided by"),
        required=False,
        help_text=_(
            "Under 16 the legal representative decides (art. 10 paragraph 1); from 16 the "
            "client, unless judged unable (art. 10 paragraph 2). Record a representative "
            "first as a relation of the client."
        ),
    )
    client_signs = forms.BooleanField(
        label=_("The client signs too"),
        required=False,
        help_text=_(
            "From 12 up to and including 15 the representative and the client decide together "
            "and both sign (art. 10 paragraph 1)."
        ),
    )
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput(), initial=_today)
    signed_form = forms.FileField(
        label=_("Signed form"),
        required=False,
        help_text=_(
            "PDF, PNG or JPEG, at most 10 MB. Needed for medical data (art. 4 paragraph "
            "4); kept also when consent is refused."
        ),
        widget=forms.FileInput(
            attrs={
                "accept": ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg",
                "class": "utrecht-textbox utrecht-textbox--html-input",
            }
        ),
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    gate_fields = {
        "decidedOn": "decided_on",
        "givenBySubjectId": "given_by",
        "signedBySubjectIds": "client_signs",
        "form": "signed_form",
    }

    def __init__(self, *args, overview, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["given_by"].choices = _deciders(overview)
        self.fields["given_by"].hide_optional = True
        self.client_subject_id = overview.client_subject_id

    def signers(self) -> dict:
        """Who decides and who signs with them, as the gate asks it (art10)."""
        data = self.cleaned_data
        return {
            "given_by_subject_id": data["given_by"] or None,
            "signed_by_subject_ids": [self.client_subject_id] if data["client_signs"] else [],
        }


class ConsentForm(_DecisionForm):
    """art4.2/art4.3: the client's answer for one scope, narrowed or not (art4.4: the form)."""

    scope = forms.ChoiceField(label=_("Consent for"), choices=labels.choices("consent_scope"))
    state = forms.ChoiceField(
        label=_("Answer"),
        choices=[
            ("given", labels.CONSENT_STATES["given"]),
            ("refused", labels.CONSENT_STATES["refused"]),
        ],
    )
    categories = forms.MultipleChoiceField(
        label=_("Only these data categories"),
        required=False,
        choices=labels.choices("category"),
        help_text=_("None ticked: all data the support needs."),
        widget=forms.CheckboxSelectMultiple(attrs=_CHECKBOX),
    )
    recipients = forms.MultipleChoiceField(
        label=_("Only with these recipients"),
        required=False,
        help_text=_(
            "Only for sharing. None ticked: any partner the support needs, but no "
            "non-partner: a family member, someone of the network or an organisation "
            "outside the protocol receives only when named here (art. 7)."
        ),
        widget=forms.CheckboxSelectMultiple(attrs=_CHECKBOX),
    )
    field_order = [
        "scope",
        "state",
        "given_by",
        "client_signs",
        "decided_on",
        "categories",
        "recipients",
        "signed_form",
        "note",
    ]

    def __init__(self, *args, overview, partner_id, non_partners=(), **kwargs):
        """``non_partners``: (id, name) of the non-partners of the employee's organisation."""
        super().__init__(*args, overview=overview, **kwargs)
        self.fields["recipients"].choices = [
            (str(pk), name)
            for pk, name in Partner.objects.exclude(id=partner_id).values_list("id", "name")
        ] + [(pk, f"{name} – {NON_PARTNER}") for pk, name in non_partners]

    def clean(self):
        data = super().clean()
        if data.get("recipients") and data.get("scope") != "share":
            self.add_error("recipients", _("Recipients are named only for consent to share."))
        return data


class WithdrawalForm(_DecisionForm):
    """art4.5: the client withdraws a consent in force."""

    consent = forms.ChoiceField(label=_("Consent to withdraw"))
    field_order = ["consent", "given_by", "client_signs", "decided_on", "signed_form", "note"]

    def __init__(self, *args, overview, **kwargs):
        super().__init__(*args, overview=overview, **kwargs)
        self.given = {str(d.id): d for d in overview.in_force if d.state == "given"}
        self.fields["consent"].choices = [(pk, describe(d)) for pk, d in self.given.items()]
        self.fields["signed_form"].help_text = _(
            "A signed withdrawal, if there is one (PDF, PNG or JPEG, at most 10 MB)."
        )


NON_PARTNER = _("non-partner")
# art4.3, art7: a consent to share that names no recipients covers every partner, never a
# non-partner; the words say so wherever such a consent is shown.
EVERY_PARTNER = _("with every partner, no non-partner")


def describe(decision) -> str:
    """A decision in words: "Share with others – Contact details, Health (medical data)"."""
    what = labels.label("consent_scope", decision.scope)
    parts = [
        ", ".join(labels.label("category", c) for c in decision.categories)
        if decision.categories
        else str(_("all data"))
    ]
    if decision.recipient_names:
        parts.append(
            str(_("with %(partners)s")) % {"partners": ", ".join(decision.recipient_names)}
        )
    elif decision.scope == "share":
        parts.append(str(EVERY_PARTNER))
    return f"{what} – {'; '.join(parts)}"
