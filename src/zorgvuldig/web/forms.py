# SPDX-License-Identifier: EUPL-1.2
"""The forms of the pages, rendered with the NL Design System (Utrecht) form classes.

The forms check only the shape of the input (a date is a date, a choice is a choice); what the
input means is checked by the gate, and its :class:`~zorgvuldig.core.errors.InvalidInput`
errors are put on the fields they name (:meth:`GateForm.add_gate_errors`).
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.forms.boundfield import BoundField
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.partners.models import Partner
from zorgvuldig.web.fields import (
    bsn_field,
    checkbox_field,
    checkboxes_field,
    date_field,
    purpose_field,
    text_field,
    vocabulary_field,
)

# The Utrecht component (CSS block) that styles each kind of widget.
_WIDGET_BLOCKS = {
    forms.Select: ("utrecht-select", "utrecht-select--html-select"),
    forms.Textarea: ("utrecht-textarea", "utrecht-textarea--html-textarea"),
    forms.PasswordInput: (
        "utrecht-textbox",
        "utrecht-textbox--html-input utrecht-textbox--password",
    ),
    forms.TextInput: ("utrecht-textbox", "utrecht-textbox--html-input"),
    forms.DateInput: ("utrecht-textbox", "utrecht-textbox--html-input"),
}


def _block(widget) -> tuple[str, str] | None:
    for widget_class, block in _WIDGET_BLOCKS.items():
        if isinstance(widget, widget_class):
            return block
    return None


class UtrechtBoundField(BoundField):
    """Adds the Utrecht classes to the widget, and the invalid modifier when there are errors.

    Django itself adds ``aria-invalid`` and an ``aria-describedby`` naming ``<id>_helptext``
    and ``<id>_error``, the ids templates/web/includes/field.html gives those texts.
    """

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        block = _block(widget)
        if block is not None:
            name, modifiers = block
            classes = [name, modifiers, widget.attrs.get("class", ""), attrs.get("class", "")]
            if self.errors:
                classes.append(f"{name}--invalid")
            attrs["class"] = " ".join(c for c in classes if c)
        return attrs


class UtrechtFormMixin:
    bound_field_class = UtrechtBoundField
    template_name = "web/includes/form_fields.html"


class GateForm(UtrechtFormMixin, forms.Form):
    """A form whose data goes to a gate service."""

    #: The gate's field names (camelCase, as in the API) mapped to this form's fields.
    gate_fields: dict[str, str] = {}

    def add_gate_errors(self, error: InvalidInput) -> None:
        """Put each of the gate's errors on the field it names (else on the whole form)."""
        for gate_field, message in error.errors.items():
            name = self.gate_fields.get(gate_field, gate_field)
            self.add_error(name if name in self.fields else None, message)


class LoginForm(UtrechtFormMixin, AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update(autocomplete="username", spellcheck="false")
        self.fields["password"].widget.attrs.update(autocomplete="current-password")


class SearchForm(GateForm):
    """Find a client by BSN or surname. Sent by POST: a BSN never appears in a URL."""

    purpose = purpose_field()
    bsn = bsn_field(required=False)
    surname = forms.CharField(
        label=_("Surname"),
        required=False,
        max_length=200,
        help_text=_("Or (part of) the surname."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    gate_fields = {"name": "surname"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One of the two is needed (the fieldset's legend says so): neither is "optional".
        for name in ("bsn", "surname"):
            self.fields[name].hide_optional = True

    def clean(self):
        data = super().clean()
        if not data.get("bsn") and not data.get("surname"):
            message = _("Search by BSN or by surname.")
            self.add_error("bsn", message)
            self.add_error("surname", message)
        return data


class IntakeForm(GateForm):
    """Cliënt aanmelden: the client, and the support trajectory opened at the actor's partner."""

    bsn = bsn_field()
    given_names = forms.CharField(
        label=_("Given names"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    surname_prefix = forms.CharField(
        label=_("Surname prefix"),
        max_length=20,
        required=False,
        help_text=_("For example “van” or “de”."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "class": "utrecht-textbox--voorvoegsel-size"}
        ),
    )
    surname = forms.CharField(
        label=_("Surname"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    birth_date = date_field(_("Date of birth"), today=False)
    domain = vocabulary_field(
        _("Domain"),
        "domain",
        empty=_("Choose the domain…"),
        help_text=_("The domain in which the client gets support."),
    )
    legal_basis = vocabulary_field(
        _("Legal basis"),
        "legal_basis",
        empty=_("Choose the law…"),
        help_text=_(
            "The law the support rests on (art. 2): the Wmo 2015 for care, welfare and "
            "housing, the Jeugdwet for youth, the Participatiewet for work and income."
        ),
    )
    opened_on = date_field(_("Support starts on"))
    municipality = forms.ChoiceField(
        label=_("Municipality"),
        required=False,
        help_text=_("The municipality on whose behalf the support is given."),
    )
    gate_fields = {
        "givenNames": "given_names",
        "surnamePrefix": "surname_prefix",
        "birthDate": "birth_date",
        "legalBasis": "legal_basis",
        "openedOn": "opened_on",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # asked only in a region of more than one municipality; else the gate takes the one
        municipalities = settings.ZORGVULDIG_MUNICIPALITIES
        if len(municipalities) > 1:
            self.fields["municipality"].choices = list(municipalities.items())
        else:
            del self.fields["municipality"]


class OpenDossierForm(GateForm):
    """The purpose (and, when the client is supported under more laws, the legal basis) for
    which a dossier is opened. In the query string: ``?doel=...&grondslag=...``."""

    doel = purpose_field()
    grondslag = vocabulary_field(
        _("Legal basis"),
        "legal_basis",
        empty=_("The law of my support of this client"),
        required=False,
        help_text=_("Only needed when you support this client under more than one law."),
    )
    gate_fields = {"purpose": "doel", "legalBasis": "grondslag"}

    def query(self) -> dict[str, str]:
        """What the links from the dossier carry on (never any personal data)."""
        data = {"doel": self.cleaned_data["doel"]}
        if self.cleaned_data.get("grondslag"):
            data["grondslag"] = self.cleaned_data["grondslag"]
        return data


class ItemOriginForm(GateForm):
    """What a data item says and where it comes from (art3.2a)."""

    label = forms.CharField(
        label=_("Label"), max_length=200, help_text=_("What the data is, for example “Income”.")
    )
    value = text_field(_("Value"), rows=4, max_length=10_000)
    source = forms.CharField(
        label=_("Supplied by"),
        max_length=200,
        help_text=_("Who supplied the data, for example “the client”."),
    )
    method = vocabulary_field(_("Obtained by"), "method", empty=_("Choose how it was obtained…"))
    obtained_on = date_field(_("Obtained on"))
    gate_fields = {"obtainedOn": "obtained_on"}


class JustificationMixin(forms.Form):
    """art4.6: processing without consent, only on a ground and with a written justification.

    Both fields are optional; the gate (``validation.justification``) decides whether together
    they are a justification, none, or an error on the field it names.
    """

    justification_ground = vocabulary_field(
        _("Ground"),
        "exception_ground",
        empty=_("No exception: the client consented"),
        required=False,
        help_text=_(
            "Only when the client has not consented (refused, withdrawn or not asked "
            "yet) and the processing cannot wait."
        ),
    )
    justification = forms.CharField(
        label=_("Justification"),
        required=False,
        max_length=2000,
        help_text=_(
            "Why processing without consent is necessary now. It is written in the "
            "dossier as an annotation (art. 4 paragraph 6) and the privacy officer sees "
            "it in the register of processings without consent."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    justification_fields = ("justification_ground", "justification")

    def justification_values(self) -> tuple[str, str]:
        data = self.cleaned_data
        return data.get("justification_ground", ""), data.get("justification", "")


class RecordItemForm(JustificationMixin, ItemOriginForm):
    category = vocabulary_field(
        _("Category"),
        "category",
        empty=_("Choose the category…"),
        help_text=_("Record only what the support needs (art. 5 paragraph 1)."),
    )
    professional_secrecy = checkbox_field(
        _("Recorded under my statutory professional secrecy (art. 6 paragraph 2)"),
        help_text=_(
            "The item then leaves your organisation only when you release it for a "
            "recipient, even when the client consented."
        ),
    )
    field_order = [
        "category",
        "label",
        "value",
        "source",
        "method",
        "obtained_on",
        "professional_secrecy",
        "justification_ground",
        "justification",
    ]
    gate_fields = {**ItemOriginForm.gate_fields, "justificationGround": "justification_ground"}


class ChangeItemForm(JustificationMixin, ItemOriginForm):
    reason = text_field(_("Reason for the change"), rows=2, max_length=500)
    field_order = [
        "label",
        "value",
        "source",
        "method",
        "obtained_on",
        "reason",
        "justification_ground",
        "justification",
    ]
    gate_fields = {**ItemOriginForm.gate_fields, "justificationGround": "justification_ground"}


def committed_partners(own_partner_id) -> list[tuple[str, str]]:
    """(id, name) of the partners committed to the protocol today, other than one's own."""
    today = timezone.localdate()
    return [
        (str(p.id), p.name)
        for p in Partner.objects.exclude(id=own_partner_id)
        .prefetch_related("commitments")
        .order_by("name")
        if p.commitment_on(today) is not None
    ]


class SecrecyReleaseForm(GateForm):
    """art6.2: the holder of an item's professional secrecy releases it for one recipient."""

    recipient = forms.ChoiceField(label=_("Release for"))
    reason = text_field(
        _("Reason"),
        rows=2,
        max_length=1000,
        help_text=_("Why this recipient may receive the item despite your professional secrecy."),
    )

    def __init__(self, *args, own_partner_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].choices = [
            ("", _("Choose the partner…")),
            *committed_partners(own_partner_id),
        ]


VEILIG_THUIS = "veilig-thuis"


class ShareForm(JustificationMixin, GateForm):
    """Share items of a client with one recipient (art5.1, art6, art7, art8.2).

    ``recipient`` is ``partner:<id>``, ``niet-partner:<id>`` or ``veilig-thuis``.
    """

    recipient = forms.ChoiceField(
        label=_("Recipient"),
        help_text=_(
            "A partner committed to the protocol, a non-partner known to your "
            "organisation (art. 7), or Veilig Thuis about a report (art. 8 paragraph "
            "2)."
        ),
    )
    referral_domain = vocabulary_field(
        _("Refer the client for support in"),
        "domain",
        empty=_("No referral: the partner supports the client already"),
        required=False,
        help_text=_(
            "Only for a partner that does not support the client yet: the referral "
            "carries only what intake and assessment in that domain need, and waits in "
            "the partner's referrals (art. 5 paragraph 1)."
        ),
    )
    report_reference = forms.CharField(
        label=_("Reference of the report"),
        required=False,
        max_length=100,
        help_text=_("Only for Veilig Thuis: the reference of the report the request is about."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    recipient_person = forms.CharField(
        label=_("Person at the recipient"),
        required=False,
        max_length=200,
        help_text=_("Who receives the data, for example “J. van Dijk, wijkverpleegkundige”."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    purpose = purpose_field()
    items = checkboxes_field(
        _("Data to share"),
        help_text=_("Share only what the recipient needs for the support (art. 5 paragraph 1)."),
    )
    gate_fields = {
        "recipientPartnerId": "recipient",
        "nonPartnerId": "recipient",
        "reportReference": "report_reference",
        "referralDomain": "referral_domain",
        "recipientPerson": "recipient_person",
        "itemIds": "items",
        "non-partner": "recipient",
        "partner": "recipient",
        "justificationGround": "justification_ground",
    }

    def __init__(self, *args, own_partner_id, items, non_partners=(), **kwargs):
        super().__init__(*args, **kwargs)
        partners = committed_partners(own_partner_id)
        choices: list = [("", _("Choose the recipient…"))]
        if partners:
            choices.append((_("Partners"), [(f"partner:{pk}", name) for pk, name in partners]))
        if non_partners:
            choices.append(
                (
                    _("Non-partners (art. 7)"),
                    [(f"niet-partner:{pk}", name) for pk, name in non_partners],
                )
            )
        choices.append(
            (
                _("Veilig Thuis (art. 8 paragraph 2)"),
                [
                    (VEILIG_THUIS, _("Veilig Thuis, about a report")),
                ],
            )
        )
        self.fields["recipient"].choices = choices
        self.fields["items"].choices = [(str(i.id), i.current.label) for i in items]

    def clean(self):
        data = super().clean()
        if data.get("recipient") == VEILIG_THUIS and not data.get("report_reference"):
            self.add_error(
                "report_reference", _("Give the reference of the report Veilig Thuis asks about.")
            )
        return data

    def recipient_kwargs(self) -> dict:
        """The recipient as the gate's share and preview take it."""
        data = self.cleaned_data
        kind, _sep, pk = data["recipient"].partition(":")
        if kind == "partner":
            return {
                "recipient_partner_id": pk,
                "referral_domain": data.get("referral_domain") or None,
            }
        if kind == "niet-partner":
            return {"non_partner_id": pk}
        return {"report_reference": data["report_reference"]}

    @property
    def non_partner_id(self) -> str | None:
        kind, _sep, pk = (self.cleaned_data.get("recipient") or "").partition(":")
        return pk if kind == "niet-partner" else None


class NonPartnerForm(GateForm):
    """art7: a recipient outside the protocol, known to your organisation."""

    name = forms.CharField(
        label=_("Name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    kind = vocabulary_field(_("Kind"), "non_partner_kind", empty=_("Choose the kind…"))
    informed = checkbox_field(
        _("I have handed over the leaflet with the protocol's main lines (art. 7)"),
        help_text=_("A non-partner is informed before the first disclosure."),
    )
