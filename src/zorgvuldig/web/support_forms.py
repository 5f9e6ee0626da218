# SPDX-License-Identifier: EUPL-1.2
"""The forms of data requests (pull: art4.2, art4.4, art6.1) and integrated support (art1:
one household, one plan, one director).

Like the other forms they check only the shape of the input; the gate decides what it means
and its errors are put on the fields they name.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zorgvuldig.partners.services import possible_directors
from zorgvuldig.web import labels
from zorgvuldig.web.fields import checkboxes_field, purpose_field, text_field
from zorgvuldig.web.forms import GateForm, JustificationMixin, committed_partners


class DataRequestForm(JustificationMixin, GateForm):
    """Request a client's data from the partner that holds it (pull)."""

    holder = forms.ChoiceField(
        label=_("Organisation that holds the data"),
        help_text=_("A partner committed to the protocol that supports this client too."),
    )
    categories = checkboxes_field(
        _("Data needed"),
        help_text=_("Ask only for what the support needs (art. 5 paragraph 1)."),
        choices=labels.choices("category"),
    )
    purpose = purpose_field()
    gate_fields = {
        "holderPartnerId": "holder",
        "partner": "holder",
        "categories": "categories",
        "justificationGround": "justification_ground",
    }

    def __init__(self, *args, own_partner_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["holder"].choices = [
            ("", _("Choose the partner…")),
            *committed_partners(own_partner_id),
        ]


def directors() -> list[tuple[str, str]]:
    """(id, "name, organisation") of the employees who may direct a household today: active
    caseworkers of committed partners who acknowledged the protocol (art1, art3.2c, art3.2d;
    the gate checks it again)."""
    return [(str(e.id), f"{e.display_name}, {e.partner.name}") for e in possible_directors()]


class HouseholdForm(GateForm):
    """Form a household around a client: its members, its director and its plan (art1)."""

    name = forms.CharField(
        label=_("Name of the household"),
        max_length=200,
        help_text=_("For example “Family De Vries”."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    members = checkboxes_field(
        _("Other members"),
        required=False,
        help_text=_("The client is always a member; choose the relations who live with them."),
    )
    director = forms.ChoiceField(
        label=_("Director"),
        help_text=_(
            "The one director who coordinates the support and keeps the plan (one "
            "household, one plan, one director): an active caseworker who acknowledged "
            "the protocol. The director's organisation must have informed the client "
            "and recorded consent before the director can open the household (art. 4 "
            "paragraphs 1 to 3)."
        ),
    )
    plan = text_field(
        _("Plan"),
        rows=6,
        required=False,
        max_length=10_000,
        help_text=_(
            "The activities, who does them, and the goals. Each member's own problems "
            "stay in that member's own dossier."
        ),
    )
    partners = checkboxes_field(
        _("Other organisations in the plan"),
        required=False,
        help_text=_(
            "Your organisation and the director's always take part. Only the "
            "organisations in the plan exchange data for integrated support (art. 5 "
            "paragraph 1)."
        ),
    )
    purpose = purpose_field(initial="integrated-support")
    gate_fields = {
        "memberSubjectIds": "members",
        "memberClientIds": "members",
        "directorId": "director",
        "partnerIds": "partners",
    }

    def __init__(self, *args, relations, own_partner_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partners"].choices = committed_partners(own_partner_id)
        self.fields["members"].choices = [
            (str(r.related.id), f"{r.related.full_name} ({labels.label('relation', r.kind)})")
            for r in relations
        ]
        self.fields["director"].choices = [("", _("Choose the director…")), *directors()]


class PlanForm(GateForm):
    """The director keeps the household's one plan."""

    plan = text_field(
        _("Change the plan"),
        rows=8,
        max_length=10_000,
        help_text=_("The activities, who does them, and the goals."),
    )
