# SPDX-License-Identifier: EUPL-1.2
"""Retention (art5.2): how long a client's dossier is kept and why, holds, and destruction
lists (drawn up, reviewed, approved, returned; carried out by the daily run, not here)."""

from __future__ import annotations

import uuid

from ninja import Path, Query, Router

from zorgvuldig.api.routers.common import CLIENT_ID, binary, download
from zorgvuldig.api.schemas.retention import (
    DestructionList,
    DossierRetention,
    EntryReview,
    Hold,
    HoldIn,
    ListDraft,
    ListReturn,
    ReviewCompletion,
)
from zorgvuldig.gate import services

router = Router(tags=["Retention"], by_alias=True)


@router.get(
    "/clients/{clientId}/retention",
    response=DossierRetention,
    operation_id="getDossierRetention",
    summary="How long a client's dossier is kept, and why",
)
def get_dossier_retention(request, client_id: uuid.UUID = CLIENT_ID):
    """For the privacy officer, or a caseworker who supports the client: the dossier at your
    organisation and each item in it, with the rules that applied and the one that won."""
    return services.retention_of_dossier(request.auth, client_id)


@router.post(
    "/clients/{clientId}/retention-holds",
    response={201: Hold},
    operation_id="placeRetentionHold",
    summary="Keep a client's dossier longer (a hold)",
)
def place_retention_hold(request, payload: HoldIn, client_id: uuid.UUID = CLIENT_ID):
    """Where careful support needs it (art5.2): kept until the review date at least; after
    it passes without a new hold, the dossier is due again. Annotated in the dossier."""
    return services.place_hold(
        request.auth, client_id, reason=payload.reason, review_on=payload.review_on
    )


# -- destruction lists -----------------------------------------------------------------------

LIST_ID = Path(..., alias="listId", description="De identificatie van de vernietigingslijst")
ENTRY_ID = Path(..., alias="entryId", description="Het nummer van het dossier op de lijst")


@router.get(
    "/destruction-lists",
    response=list[DestructionList],
    operation_id="listDestructionLists",
    summary="Your organisation's destruction lists, newest first",
)
def list_destruction_lists(request):
    """Numbers, states, days and who acted, with counts; no client."""
    return services.destruction_lists(request.auth)


@router.post(
    "/destruction-lists",
    response={201: DestructionList},
    operation_id="draftDestructionList",
    summary="Draw up a destruction list of what is due by a day",
)
def draft_destruction_list(request, payload: ListDraft):
    """Every dossier of your organisation that may be destroyed by the day and is on no other
    list under way (art5.2); you are its author, and someone else reviews it."""
    return services.draft_destruction_list(request.auth, due_by=payload.due_by)


@router.get(
    "/destruction-lists/{listId}",
    response=DestructionList,
    operation_id="getDestructionList",
    summary="A destruction list with one page of its dossiers",
)
def get_destruction_list(request, list_id: uuid.UUID = LIST_ID, page: int = Query(1, ge=1)):
    """A hundred dossiers per page; seeing who is on it is logged for each of them."""
    return services.destruction_list(request.auth, list_id, page=page)


@router.post(
    "/destruction-lists/{listId}/entries/{entryId}/review",
    response=DestructionList,
    operation_id="reviewListEntry",
    summary="Review one dossier on a list: destroy, or keep",
)
def review_list_entry(
    request, payload: EntryReview, list_id: uuid.UUID = LIST_ID, entry_id: int = ENTRY_ID
):
    """By someone other than the author; keeping needs a reason and a review date, and is a
    hold on the dossier (art5.2)."""
    return services.review_entry(
        request.auth,
        list_id,
        entry_id,
        review=payload.review,
        reason=payload.reason,
        keep_until=payload.keep_until,
    )


@router.post(
    "/destruction-lists/{listId}/review-completion",
    response=DestructionList,
    operation_id="completeListReview",
    summary="Hand a reviewed list to the privacy officer",
)
def complete_list_review(request, payload: ReviewCompletion, list_id: uuid.UUID = LIST_ID):
    return services.complete_review(request.auth, list_id, destroy_rest=payload.destroy_rest)


@router.post(
    "/destruction-lists/{listId}/approval",
    response=DestructionList,
    operation_id="approveDestructionList",
    summary="Approve a list (privacy officer, not its author)",
)
def approve_destruction_list(request, list_id: uuid.UUID = LIST_ID):
    """The cooling-off period starts; after it, the daily run carries the list out."""
    return services.approve_list(request.auth, list_id)


@router.post(
    "/destruction-lists/{listId}/return",
    response=DestructionList,
    operation_id="returnDestructionList",
    summary="Return a list to its author (before it is carried out)",
)
def return_destruction_list(request, payload: ListReturn, list_id: uuid.UUID = LIST_ID):
    return services.return_list(request.auth, list_id, reason=payload.reason)


@router.post(
    "/destruction-lists/{listId}/resubmission",
    response=DestructionList,
    operation_id="resubmitDestructionList",
    summary="Offer a returned list for review again (its author)",
)
def resubmit_destruction_list(request, list_id: uuid.UUID = LIST_ID):
    return services.resubmit_list(request.auth, list_id)


@router.get(
    "/destruction-lists/{listId}/record",
    response={200: None},
    operation_id="getDestructionRecord",
    summary="The record of destruction of a carried-out list (PDF)",
    openapi_extra=binary("application/pdf", "De verklaring van vernietiging (art. 5 lid 2)."),
)
def get_destruction_record(
    request,
    list_id: uuid.UUID = LIST_ID,
    language: str = Query("nl", description="De taal: nl (standaard) of en"),
):
    """Counts per domain, rule and year, who drew up, reviewed and approved the list, when it
    ran and the hash of the log at its end; no client."""
    pdf = services.destruction_record(request.auth, list_id, language=language)
    return download(pdf, "application/pdf", "verklaring-van-vernietiging.pdf")
