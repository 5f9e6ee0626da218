# SPDX-License-Identifier: EUPL-1.2
"""Each frozen view the gate hands out and the API body built from it have the same fields.

A field added to a view that the API forgets (or a schema field the view cannot fill) fails
here. Where a body deliberately differs from its view, the difference is listed with its
reason; a view the API does not return at all is listed with the reason too, so that a new view
must be paired or explained.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil

import pytest

import zorgvuldig.gate.services as services_package
from zorgvuldig.api.schemas import (
    clients,
    consent,
    emergency,
    exchange,
    households,
    incidents,
    items,
    log,
    meldcode,
    non_partner_addresses,
    oversight,
    partners,
    pull,
    received_shares,
    retention,
    rights,
    trajectories,
)

# view (area.Class) -> the Out schema built from it
PAIRS = {
    "clients.AccessView": clients.Access,
    "clients.ClientDossier": clients.Dossier,
    "clients.ClientSummary": clients.ClientSummary,
    "clients.RelationView": clients.Relation,
    "clients.SubjectView": clients.Subject,
    "clients.TrajectoryView": trajectories.SupportTrajectory,
    "consent.ConsentDecisionView": consent.ConsentDecision,
    "consent.ConsentDocumentView": consent.ConsentDocument,
    "consent.ConsentOverview": consent.ConsentOverview,
    "consent.InformingView": consent.Informing,
    "consent.RepresentativeView": consent.Representative,
    "dossier.AnnotationView": items.Annotation,
    "emergency.EmergencyAccessView": emergency.EmergencyAccess,
    "dossier.ItemVersionView": items.DataItemVersion,
    "dossier.ItemView": items.DataItem,
    "exchange.AddressView": non_partner_addresses.NonPartnerAddressRecord,
    "exchange.DisclosureView": exchange.Disclosure,
    "exchange.NonPartnerView": exchange.NonPartner,
    "exchange.PreviewRow": exchange.SharePreview,
    "exchange.ShareResult": exchange.ShareResult,
    "households.ExchangeLine": households.ExchangeLine,
    "households.HouseholdOverview": households.HouseholdOverview,
    "households.HouseholdView": households.Household,
    "households.PartnerRef": households.HouseholdPartner,
    "incidents.AffectedView": incidents.AffectedClient,
    "incidents.ClockView": incidents.Clock,
    "incidents.IncidentLine": incidents.IncidentLine,
    "incidents.IncidentView": incidents.Incident,
    "incidents.LetterView": incidents.Letter,
    "incidents.NoticeView": incidents.IncidentNotice,
    "incidents.NotificationAnswer": incidents.NotificationAnswer,
    "incidents.PhaseView": incidents.NotificationPhase,
    "incidents.SearchResult": incidents.AffectedClientSearch,
    "incidents.SearchView": incidents.LogSearch,
    "incidents.SubjectDecisionView": incidents.SubjectDecision,
    "log.LogView": log.LogRecord,
    "meldcode.SafetyCaseView": meldcode.SafetyCase,
    "meldcode.StepView": meldcode.MeldcodeStepOut,
    "oversight.AllowedView": oversight.AllowedProcessing,
    "oversight.ExceptionView": oversight.ProcessingException,
    "received.CategoryAnswer": pull.RequestedCategory,
    "received.PullResult": pull.DataRequestResult,
    "received.ReceivedShareView": received_shares.ReceivedShare,
    "received.ReferralView": received_shares.Referral,
    "resident.HeldProcessing": rights.ResidentViewProcessing,
    "retention.DestructionListView": retention.DestructionList,
    "retention.DossierRetentionView": retention.DossierRetention,
    "retention.HoldView": retention.Hold,
    "retention.ItemRetentionView": retention.ItemRetention,
    "retention.ListEntryView": retention.ListEntry,
    "retention.RetentionView": retention.Retention,
    "rights.AuthorityView": rights.Authority,
    "rights.CountLine": rights.CountLine,
    "rights.InspectionItem": rights.InspectionItem,
    "rights.InspectionPackage": rights.InspectionPackage,
    "rights.LimitedView": rights.LimitedRepresentative,
    "rights.NoticeView": rights.RecipientNotice,
    "rights.OverviewItem": rights.OverviewItem,
    "rights.PauseView": rights.Pause,
    "rights.ProcessingLine": rights.ProcessingLine,
    "rights.QueueLine": rights.QueueLine,
    "rights.RecipientLine": rights.RecipientLine,
    "rights.RecipientSummary": rights.RecipientSummary,
    "rights.RequestCounts": rights.RequestCounts,
    "rights.SignerView": rights.Signer,
    "rights.SubjectOverview": rights.SubjectOverview,
    "rights.SubjectRequestView": rights.SubjectRequest,
    "rights.WithheldCount": rights.WithheldCount,
    "rights.WithheldItem": rights.WithheldItem,
    "team.TeamMemberLine": partners.TeamMemberLine,
    "team.TeamOverview": partners.TeamOverview,
}

# (view, field) -> why the view has it and the body does not
ONLY_IN_VIEW = {
    ("exchange.ShareResult", "decision"): "the body gives its explanation; the per-category "
    "outcome is what the share preview (SharePreview) answers",
    ("exchange.ShareResult", "received_share_ids"): "the ids of what waits at the recipient are "
    "the recipient's to know: its own webhook notification names them",
}
# (schema, field) -> why the body has it and the view does not (computed from the view)
ONLY_IN_SCHEMA = {
    ("Subject", "full_name"): "the view's full_name property",
    ("SafetyCase", "next_step"): "computed from the steps taken (the Meldcode's order)",
    ("DataRequestResult", "status"): "summarised from the answers per category",
    (
        "InspectionPackage",
        "told",
    ): "the view's told property: the withheld items counted per ground",
}
# views the API returns no body of
NOT_IN_API = {
    "consent.StoredDocument": "a signed form is returned as the file itself (its bytes and "
    "content type), not as JSON",
    "emergency.EmergencyReminderRun": "what a day's run of the reminders about uses of the "
    "glass to review did: the cron command prints it",
    "households.DirectedHousehold": "only the director's page lists the households they direct",
    "rights.ItemChoice": "the choices of the page that registers a request; the API takes the "
    "ids the dossier (GET /clients/{clientId}) lists",
    "rights.RequestChoices": "the choices of the page that registers a request; the API takes "
    "the ids the dossier and GET /clients/{clientId}/authority list",
    "rights.ReminderRun": "what a day's run of the reminders did: the cron command prints it",
    # the resident's own view (decision 25) is pages behind a DigiD sign-in: the API is for
    # the partners' systems, which never act as a resident
    "resident.Resident": "who signed in with DigiD, for the resident's own pages",
    "resident.Viewable": "whose view a signed-in resident may open, for the pages",
    "resident.ProcessingEntry": "a row of the resident's own pages",
    "resident.ResidentLog": "a page of the resident's own processings",
    # the partner's side of that view (art9.3) is in the API, as a list
    "resident.ResidentViewHolds": "the partner's page of what the client's own view shows, "
    "with the client's name and a count; the API lists the processings held back or released "
    "(GET /clients/{clientId}/resident-view-holds)",
    "log.RecentLog": "the dossier page's newest log records and their count; the API pages "
    "the whole log (GET /clients/{clientId}/processing-log)",
}


def views() -> dict[str, type]:
    """Every frozen view of every area, found by importing ``<area>.views``."""
    found = {}
    for area in pkgutil.iter_modules(services_package.__path__):
        if not area.ispkg:
            continue
        try:
            module = importlib.import_module(f"{services_package.__name__}.{area.name}.views")
        except ModuleNotFoundError:
            continue
        for name, value in vars(module).items():
            if dataclasses.is_dataclass(value) and value.__module__ == module.__name__:
                found[f"{area.name}.{name}"] = value
    return found


def test_every_view_is_paired_with_a_body_or_said_not_to_be_in_the_api():
    found = views()
    assert len(found) > 30  # the discovery finds the areas' views
    assert sorted(set(found) - set(PAIRS) - set(NOT_IN_API)) == []
    assert sorted((set(PAIRS) | set(NOT_IN_API)) - set(found)) == []  # nothing stale
    assert not set(PAIRS) & set(NOT_IN_API)


@pytest.mark.parametrize("view_name", sorted(PAIRS))
def test_a_view_and_its_body_have_the_same_fields(view_name):
    view, schema = views()[view_name], PAIRS[view_name]
    in_view = {f.name for f in dataclasses.fields(view)}
    in_schema = set(schema.model_fields)
    only_view = {f for f in in_view - in_schema if (view_name, f) not in ONLY_IN_VIEW}
    only_schema = {f for f in in_schema - in_view if (schema.__name__, f) not in ONLY_IN_SCHEMA}
    assert (sorted(only_view), sorted(only_schema)) == ([], [])


def test_the_listed_differences_still_exist():
    """An explained difference that is gone (the field was added or removed) is removed here."""
    found = views()
    for view_name, field in ONLY_IN_VIEW:
        in_view = {f.name for f in dataclasses.fields(found[view_name])}
        assert field in in_view and field not in PAIRS[view_name].model_fields
    by_name = {schema.__name__: (name, schema) for name, schema in PAIRS.items()}
    for schema_name, field in ONLY_IN_SCHEMA:
        view_name, schema = by_name[schema_name]
        assert field in schema.model_fields
        assert field not in {f.name for f in dataclasses.fields(found[view_name])}
