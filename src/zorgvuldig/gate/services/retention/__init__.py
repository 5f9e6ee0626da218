# SPDX-License-Identifier: EUPL-1.2
"""Retention (art5.2): how long a dossier is kept and why, holds, what becomes due, the
destruction lists and their runs, and the record of destruction."""

from zorgvuldig.gate.services.retention.dossier import retention_of_dossier
from zorgvuldig.gate.services.retention.holds import place_hold
from zorgvuldig.gate.services.retention.lists import (
    approve_list,
    complete_review,
    destruction_list,
    destruction_lists,
    draft_destruction_list,
    resubmit_list,
    return_list,
    review_entry,
)
from zorgvuldig.gate.services.retention.overview import retention_overview
from zorgvuldig.gate.services.retention.plan import retention_plan
from zorgvuldig.gate.services.retention.reapply import reapply_destruction
from zorgvuldig.gate.services.retention.record import destruction_record
from zorgvuldig.gate.services.retention.run import run_destruction_list, run_destruction_lists
from zorgvuldig.gate.services.retention.statistics import anonymised_statistics

__all__ = [
    "anonymised_statistics",
    "approve_list",
    "complete_review",
    "destruction_list",
    "destruction_lists",
    "destruction_record",
    "draft_destruction_list",
    "place_hold",
    "reapply_destruction",
    "resubmit_list",
    "retention_of_dossier",
    "retention_overview",
    "retention_plan",
    "return_list",
    "review_entry",
    "run_destruction_list",
    "run_destruction_lists",
]
