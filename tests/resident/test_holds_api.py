# SPDX-License-Identifier: EUPL-1.2
"""art9.3 over the API (decision 25): holding a processing back from the client's own view,
releasing it, and the list of what is held back or released; bad input, another client's or
partner's processing and someone who does not handle the client get nothing done."""

from __future__ import annotations

import pytest

from tests.apiclient import as_employee, counts, invalid_fields, problem
from tests.conftest import make_employee
from tests.resident.conftest import recorded_trace, shared_with_veilig_thuis
from zorgvuldig.clients.models import SupportTrajectory
from zorgvuldig.gate import services
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.rights.models import ViewHold

pytestmark = pytest.mark.django_db


def _shown_traces(subject_id) -> set[str]:
    entries = services.resident_processings(subject_id).entries
    return set(
        LogRecord.objects.filter(id__in=[e.id for e in entries]).values_list("trace_id", flat=True)
    )


def _written() -> dict[str, int]:
    return {**counts(), "holds": ViewHold.objects.count()}


def test_art9_3_a_caseworker_holds_back_a_processing_and_the_resident_no_longer_sees_it(
    api, actor, adult
):
    client, _ = adult
    trace = recorded_trace(actor, client)
    assert api.get(f"/clients/{client.id}/resident-view-holds").json() == []
    held = api.post(
        f"/clients/{client.id}/resident-view-holds",
        {"traceId": trace, "reason": "Het tonen brengt hem nu in gevaar"},
    )
    assert held.status_code == 201, held.content
    body = held.json()
    assert body["traceId"] == trace and body["state"] == "held-back"
    assert body["heldBack"] == ["harm"] and body["reason"] == "Het tonen brengt hem nu in gevaar"
    assert body["names"] == ["gegeven-vastleggen"] and body["releasedAt"] is None
    assert trace not in _shown_traces(client.subject.id)
    listed = api.get(f"/clients/{client.id}/resident-view-holds").json()
    assert [p["traceId"] for p in listed] == [trace]
    record = LogRecord.objects.filter(name="verwerking-achterhouden").latest("id")
    assert record.articles == "art9.3" and record.decision == "allowed"


def test_art9_3_a_release_shows_it_again_with_held_back_since(api, actor, adult):
    client, _ = adult
    trace = recorded_trace(actor, client)
    api.post(f"/clients/{client.id}/resident-view-holds", {"traceId": trace, "reason": "Nu niet"})
    released = api.post(
        f"/clients/{client.id}/resident-view-releases", {"traceId": trace, "kind": "harm"}
    )
    assert released.status_code == 201, released.content
    body = released.json()
    assert body["state"] == "released" and body["heldBack"] == ["harm"]
    assert body["heldSince"] <= body["releasedAt"]
    assert trace in _shown_traces(client.subject.id)
    entry = next(
        e
        for e in services.resident_processings(client.subject.id).entries
        if e.name == "gegeven-vastleggen"
    )
    assert entry.held_back == "harm" and entry.held_since <= entry.released_at
    listed = api.get(f"/clients/{client.id}/resident-view-holds").json()
    assert [(p["traceId"], p["state"]) for p in listed] == [(trace, "released")]


def test_art9_3_the_list_names_a_share_with_veilig_thuis_until_it_is_released(
    api, actor, client_dossier
):
    trace = shared_with_veilig_thuis(actor, client_dossier, "VT-2026-9")
    listed = api.get(f"/clients/{client_dossier.id}/resident-view-holds").json()
    share = next(p for p in listed if p["traceId"] == trace)
    assert share["state"] == "held-back" and "veilig-thuis" in share["heldBack"]
    released = api.post(
        f"/clients/{client_dossier.id}/resident-view-releases",
        {"traceId": trace, "kind": "veilig-thuis"},
    )
    assert released.json()["state"] == "released"
    assert trace in _shown_traces(client_dossier.subject.id)


def test_art9_3_a_hold_without_a_reason_is_a_400_on_the_field_and_writes_nothing(api, actor, adult):
    client, _ = adult
    trace = recorded_trace(actor, client)
    before = _written()
    for body in ({"traceId": trace}, {"traceId": trace, "reason": ""}):
        answer = api.post(f"/clients/{client.id}/resident-view-holds", body)
        assert "reason" in invalid_fields(answer)
    blank = api.post(f"/clients/{client.id}/resident-view-holds", {"traceId": trace, "reason": " "})
    assert list(invalid_fields(blank)) == ["reason"]
    unknown = api.post(
        f"/clients/{client.id}/resident-view-releases", {"traceId": trace, "kind": "whim"}
    )
    assert "kind" in invalid_fields(unknown)
    assert _written() == before


def test_art9_3_a_trace_of_another_client_or_partner_is_refused_and_writes_nothing(
    api, actor, adult, client_dossier, wmo_desk
):
    client, _bsn = adult
    other_client = recorded_trace(actor, client_dossier, "youth")
    other_partner = LogRecord.objects.filter(partner_id=str(wmo_desk.id)).latest("id").trace_id
    before = _written()
    for trace in (other_client, other_partner):
        held = api.post(
            f"/clients/{client.id}/resident-view-holds", {"traceId": trace, "reason": "Nu niet"}
        )
        assert list(invalid_fields(held)) == ["traceId"]
        released = api.post(
            f"/clients/{client.id}/resident-view-releases", {"traceId": trace, "kind": "harm"}
        )
        assert list(invalid_fields(released)) == ["traceId"]
    assert _written() == before


def test_art9_3_someone_who_does_not_handle_the_client_is_refused(actor, adult, partner):
    client, _ = adult
    trace = recorded_trace(actor, client)
    colleague = as_employee(make_employee(partner, "bert"))
    before = ViewHold.objects.count()
    problem(colleague.get(f"/clients/{client.id}/resident-view-holds"), 404)
    held = colleague.post(
        f"/clients/{client.id}/resident-view-holds", {"traceId": trace, "reason": "Nu niet"}
    )
    problem(held, 404)
    assert ViewHold.objects.count() == before
    refused = LogRecord.objects.filter(name="verwerking-achterhouden").get()
    assert refused.decision == "refused" and refused.articles == "art3.2c"
    # one who has not acknowledged the protocol in force is refused (403), nothing held back
    unacknowledged = make_employee(partner, "carla", acknowledged=False)
    trajectory = SupportTrajectory.objects.get(client_id=client.id)
    services.assign_caseworker(
        actor, trajectory.id, employee_id=unacknowledged.id, purpose="support-provision"
    )
    problem(
        as_employee(unacknowledged).post(
            f"/clients/{client.id}/resident-view-holds", {"traceId": trace, "reason": "Nu niet"}
        ),
        403,
    )
    assert ViewHold.objects.count() == before
