"""The forms of the pages, rendered with the NL Design System (Utrecht) form classes.

The forms check only the shape of the input (a date is a date, a choice is a choice); what the
input means is checked by the gate, and its :class:`~zorgvuldig.gate.errors.InvalidInput`
errors are put on the fields they name (:meth:`GateForm.add_gate_errors`).
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.forms.boundfield import BoundField
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zorgvuldig.gate.errors import InvalidInput
from zorgvuldig.web import labels

# The Utrecht component (CSS block) that styles each kind of widget.
_WIDGET_BLOCKS = {
    forms.Select: ("utrecht-select", "utrecht-select--html-select"),
    forms.Textarea: ("utrecht-textarea", "utrecht-textarea--html-textarea"),
    forms.PasswordInput: (
        "utrecht-textbox", "utrecht-textbox--html-input utrecht-textbox--password"
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


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


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


def _purpose_field(**kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Purpose"),
        choices=[("", _("Choose the purpose…")), *labels.choices("purpose")],
        help_text=_("Every processing of personal data serves a purpose within the support "
                    "(art. 2)."),
        **kwargs,
    )


class SearchForm(GateForm):
    """Find a client by BSN or surname. Sent by POST: a BSN never appears in a URL."""

    purpose = _purpose_field()
    bsn = forms.CharField(
        label=_("BSN"), required=False, max_length=20,
        help_text=_("The citizen service number, nine digits."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off",
                                      "class": "utrecht-textbox--numeric"}),
    )
    surname = forms.CharField(
        label=_("Surname"), required=False, max_length=200,
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

    bsn = forms.CharField(
        label=_("BSN"), max_length=20, help_text=_("The citizen service number, nine digits."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off",
                                      "class": "utrecht-textbox--numeric"}),
    )
    given_names = forms.CharField(label=_("Given names"), max_length=200,
                                  widget=forms.TextInput(attrs={"autocomplete": "off"}))
    surname_prefix = forms.CharField(
        label=_("Surname prefix"), max_length=20, required=False,
        help_text=_("For example “van” or “de”."),
        widget=forms.TextInput(attrs={"autocomplete": "off",
                                      "class": "utrecht-textbox--voorvoegsel-size"}),
    )
    surname = forms.CharField(label=_("Surname"), max_length=200,
                              widget=forms.TextInput(attrs={"autocomplete": "off"}))
    birth_date = forms.DateField(label=_("Date of birth"), widget=DateInput())
    domain = forms.ChoiceField(
        label=_("Domain"), choices=[("", _("Choose the domain…")), *labels.choices("domain")],
        help_text=_("The domain in which the client gets support."),
    )
    legal_basis = forms.ChoiceField(
        label=_("Legal basis"),
        choices=[("", _("Choose the law…")), *labels.choices("legal_basis")],
        help_text=_("The law the support rests on (art. 2): the Wmo 2015 for care, welfare and "
                    "housing, the Jeugdwet for youth, the Participatiewet for work and income."),
    )
    opened_on = forms.DateField(label=_("Support starts on"), widget=DateInput(),
                                initial=timezone.localdate)
    gate_fields = {
        "givenNames": "given_names",
        "surnamePrefix": "surname_prefix",
        "birthDate": "birth_date",
        "legalBasis": "legal_basis",
        "openedOn": "opened_on",
    }


class OpenDossierForm(GateForm):
    """The purpose (and, when the client is supported under more laws, the legal basis) for
    which a dossier is opened. In the query string: ``?doel=...&grondslag=...``."""

    doel = _purpose_field()
    grondslag = forms.ChoiceField(
        label=_("Legal basis"), required=False,
        choices=[("", _("The law of my support of this client")), *labels.choices("legal_basis")],
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

    label = forms.CharField(label=_("Label"), max_length=200,
                            help_text=_("What the data is, for example “Income”."))
    value = forms.CharField(label=_("Value"), max_length=10_000,
                            widget=forms.Textarea(attrs={"rows": 4}))
    source = forms.CharField(label=_("Supplied by"), max_length=200,
                             help_text=_("Who supplied the data, for example “the client”."))
    method = forms.ChoiceField(
        label=_("Obtained by"),
        choices=[("", _("Choose how it was obtained…")), *labels.choices("method")],
    )
    obtained_on = forms.DateField(label=_("Obtained on"), widget=DateInput(),
                                  initial=timezone.localdate)
    gate_fields = {"obtainedOn": "obtained_on"}


class JustificationMixin(forms.Form):
    """art4.6: processing without consent, only on a ground and with a written justification.

    Both fields are optional; the gate (``validation.justification``) decides whether together
    they are a justification, none, or an error on the field it names.
    """

    justification_ground = forms.ChoiceField(
        label=_("Ground"), required=False,
        choices=[("", _("No exception: the client consented")),
                 *labels.choices("exception_ground")],
        help_text=_("Only when the client has not consented (refused, withdrawn or not asked "
                    "yet) and the processing cannot wait."),
    )
    justification = forms.CharField(
        label=_("Justification"), required=False, max_length=2000,
        help_text=_("Why processing without consent is necessary now. It is written in the "
                    "dossier as an annotation (art. 4 paragraph 6) and the privacy officer sees "
                    "it in the register of processings without consent."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    justification_fields = ("justification_ground", "justification")

    def justification_values(self) -> tuple[str, str]:
        data = self.cleaned_data
        return data.get("justification_ground", ""), data.get("justification", "")


class RecordItemForm(JustificationMixin, ItemOriginForm):
    category = forms.ChoiceField(
        label=_("Category"),
        choices=[("", _("Choose the category…")), *labels.choices("category")],
        help_text=_("Record only what the support needs (art. 5 paragraph 1)."),
    )
    field_order = ["category", "label", "value", "source", "method", "obtained_on",
                   "justification_ground", "justification"]
    gate_fields = {**ItemOriginForm.gate_fields, "justificationGround": "justification_ground"}


class ChangeItemForm(JustificationMixin, ItemOriginForm):
    reason = forms.CharField(label=_("Reason for the change"), max_length=500,
                             widget=forms.Textarea(attrs={"rows": 2}))
    field_order = ["label", "value", "source", "method", "obtained_on", "reason",
                   "justification_ground", "justification"]
    gate_fields = {**ItemOriginForm.gate_fields, "justificationGround": "justification_ground"}
