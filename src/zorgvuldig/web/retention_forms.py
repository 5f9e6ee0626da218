# SPDX-License-Identifier: EUPL-1.2
"""The forms of retention and destruction (art5.2): a hold on a dossier, drawing up a
destruction list, reviewing a dossier on it, the steps of the list, and the day of the plan.

The forms check only the shape of the input; what it must be (a reason, a review date at most
five years ahead, a day at most a year ahead, who may take a step) is the gate's: its errors
are put on the fields they name, or on the form as a whole. The reasons and dates are therefore
not required here, so that the gate's own words say what is missing.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from zorgvuldig.web.fields import CHECKBOX, checkbox_field, date_field, text_field
from zorgvuldig.web.forms import GateForm
from zorgvuldig.web.labels import LIST_REVIEWS


class _GateChecksForm(GateForm):
    """A form whose optional-looking fields the gate requires: not marked optional."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.hide_optional = True


def _reason(label, help_text="") -> forms.CharField:
    return text_field(label, rows=3, max_length=500, required=False, help_text=help_text)


class HoldForm(_GateChecksForm):
    """art5.2: keep the dossier longer where careful support needs it, until a review date."""

    reason = _reason(
        _("Why careful support needs the dossier kept longer"),
        _("It is annotated in the dossier."),
    )
    review_on = date_field(
        _("Review on"),
        today=False,
        required=False,
        help_text=_(
            "At most five years from today. After this day the hold keeps nothing, unless a "
            "new hold is placed."
        ),
    )
    gate_fields = {"reviewOn": "review_on"}


class DraftListForm(_GateChecksForm):
    due_by = date_field(
        _("Due by"),
        required=False,
        help_text=_(
            "Every dossier of your organisation that may be destroyed by this day and is on no "
            "other list under way; at most a year ahead."
        ),
    )
    gate_fields = {"dueBy": "due_by"}


class ReviewEntryForm(_GateChecksForm):
    """One dossier on a list: destroy, or keep with a reason and the day it is looked at again
    (a keep is a hold on the dossier)."""

    review = forms.ChoiceField(
        label=_("Decision"),
        choices=list(LIST_REVIEWS.items()),
        widget=forms.RadioSelect(attrs=CHECKBOX),
    )
    reason = _reason(_("Reason to keep"), _("Only when kept."))
    keep_until = date_field(
        _("Look at it again on"),
        today=False,
        required=False,
        help_text=_("Only when kept; at most five years from today."),
    )
    gate_fields = {"keepUntil": "keep_until"}

    def for_dossier(self, name: str) -> None:
        """Name the dossier in the question, which each row of the list asks."""
        self.fields["review"].label = _("Decision on %(dossier)s") % {"dossier": name}


class CompleteReviewForm(GateForm):
    destroy_rest = checkbox_field(_("Destroy the dossiers not yet reviewed"))
    gate_fields = {"destroyRest": "destroy_rest"}


class ReturnListForm(_GateChecksForm):
    reason = _reason(_("Why the list goes back to its author"))


class StepForm(GateForm):
    """A step without input (approve, offer again): the form carries the gate's refusal."""


class PlanForm(GateForm):
    """The day of the plan, in the query string (``?op=YYYY-MM-DD``)."""

    op = date_field(_("Due by"), help_text=_("What may be destroyed by this day, counted."))
