# SPDX-License-Identifier: EUPL-1.2
"""art9.3 on the partner's pages (decision 25): the client's processings, each with whether the
client's own view shows it, and holding one back (with the reason) or releasing it; what the
resident sees then; bad input and someone who does not handle the client get nothing done."""

from __future__ import annotations

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from tests.conftest import make_employee, make_partner, sign_in
from tests.resident.conftest import recorded_trace, shared_with_veilig_thuis, sign_in_with_digid
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.rights.models import ViewHold

pytestmark = pytest.mark.django_db


def _page(client_id) -> str:
    return reverse("web:resident_view_holds", args=[client_id])


def _row(page, trace: str) -> str:
    text = page.content.decode()
    start = text.index(f'data-trace="{trace}"')
    return text[start : text.index("</tr>", start)]


def _hold(web, client, trace, reason="Het tonen brengt hem nu in gevaar"):
    return web.post(
        _page(client.id),
        {"stap": "achterhouden", "verwerking": trace, f"v-{trace}-reason": reason},
    )


def _shown_traces(subject_id) -> set[str]:
    entries = services.resident_processings(subject_id).entries
    return set(
        LogRecord.objects.filter(id__in=[e.id for e in entries]).values_list("trace_id", flat=True)
    )


def test_art9_3_a_caseworker_holds_back_a_processing_and_the_resident_no_longer_sees_it(
    web, actor, adult
):
    client, _ = adult
    trace = recorded_trace(actor, client)
    page = web.get(_page(client.id))
    assert page.status_code == 200
    assert 'data-state="shown"' in _row(page, trace) and trace in _shown_traces(client.subject.id)
    assert 'data-testid="view-summary"' in page.content.decode()

    sent = _hold(web, client, trace)
    assert sent.status_code == 302 and sent["Location"] == f"{_page(client.id)}#v-{trace}"
    hold = ViewHold.objects.get(trace_id=trace)
    assert hold.kind == "harm" and hold.released_at is None
    assert LogRecord.objects.filter(name="verwerking-achterhouden").latest("id").articles == (
        "art9.3"
    )
    row = _row(web.get(_page(client.id)), trace)
    assert 'data-state="held-back"' in row and "Het tonen brengt hem nu in gevaar" in row
    # the resident no longer sees it, nor that something was held back
    shown = _shown_traces(client.subject.id)
    assert trace not in shown
    names = set(LogRecord.objects.filter(trace_id__in=shown).values_list("name", flat=True))
    assert not names & {"verwerking-achterhouden", "achterhouden-raadplegen"}


def test_art9_3_a_release_shows_it_again_with_held_back_since(web, actor, adult):
    client, bsn = adult
    trace = recorded_trace(actor, client)
    _hold(web, client, trace)
    sent = web.post(
        _page(client.id), {"stap": "vrijgeven", "verwerking": trace, f"v-{trace}-kind": "harm"}
    )
    assert sent.status_code == 302
    assert ViewHold.objects.get(trace_id=trace).released_at is not None
    row = _row(web.get(_page(client.id)), trace)
    assert 'data-state="released"' in row and "data-held-since=" in row
    assert "data-released-at=" in row
    assert trace in _shown_traces(client.subject.id)
    # the resident's own page says it was held back, and since when
    mine = sign_in_with_digid(HttpClient(), bsn).content.decode()
    assert "Achtergehouden in deze omgeving" in mine


def test_art9_3_the_page_shows_a_share_with_veilig_thuis_as_held_back_until_released(
    web, actor, client_dossier
):
    trace = shared_with_veilig_thuis(actor, client_dossier, "VT-2026-8")
    row = _row(web.get(_page(client_dossier.id)), trace)
    assert 'data-state="held-back"' in row and "Voor of met Veilig Thuis" in row
    sent = web.post(
        _page(client_dossier.id),
        {"stap": "vrijgeven", "verwerking": trace, f"v-{trace}-kind": "veilig-thuis"},
    )
    assert sent.status_code == 302
    assert trace in _shown_traces(client_dossier.subject.id)


def test_art9_3_a_hold_without_a_reason_is_a_400_on_the_field_and_writes_nothing(web, actor, adult):
    client, _ = adult
    trace = recorded_trace(actor, client)
    before = LogRecord.objects.count()
    page = _hold(web, client, trace, reason="  ")
    assert page.status_code == 400
    form = page.context["form"]
    assert list(form.errors) == ["reason"]
    assert f'id="id_v-{trace}-reason"' in _row(page, trace) and "aria-invalid" in _row(page, trace)
    assert not ViewHold.objects.exists()
    # only the page shown again was read (and logged); nothing held back
    assert list(
        LogRecord.objects.filter(id__gt=0).order_by("id")[before:].values_list("name", flat=True)
    ) == ["achterhouden-raadplegen"]


def test_art9_3_a_trace_of_another_client_or_partner_is_refused_and_writes_nothing(
    web, actor, adult, client_dossier
):
    client, bsn = adult
    other_client = recorded_trace(actor, client_dossier, "youth")
    desk = make_partner("Wmo-loket Heuvelrug")
    wim = actor_for(make_employee(desk, "wim"))
    services.register_client(
        wim,
        bsn=bsn,
        given_names="Joost",
        surname="Bakker",
        birth_date=client.subject.birth_date,
        domain="zorg",
        legal_basis="wmo-2015",
    )
    other_partner = LogRecord.objects.filter(partner_id=str(desk.id)).latest("id").trace_id
    for trace in (other_client, other_partner):
        page = _hold(web, client, trace)
        assert page.status_code == 400
        assert "traceId" not in page.content.decode()
        assert "niet in het verwerkingenlog van deze cliënt" in page.content.decode()
    assert not ViewHold.objects.exists()
    assert not LogRecord.objects.filter(name="verwerking-achterhouden").exists()


def test_art9_3_someone_who_does_not_handle_the_client_is_refused(actor, adult, partner):
    client, _ = adult
    trace = recorded_trace(actor, client)
    colleague = sign_in(HttpClient(), make_employee(partner, "bert").user)
    assert colleague.get(_page(client.id)).status_code == 404
    assert _hold(colleague, client, trace).status_code == 404
    assert not ViewHold.objects.exists()
    refused = LogRecord.objects.filter(name="verwerking-achterhouden").get()
    assert refused.decision == "refused" and refused.articles == "art3.2c"


def test_art9_3_the_dossier_links_to_what_the_client_sees(web, actor, adult):
    client, _ = adult
    page = web.get(reverse("web:dossier", args=[client.id]), {"doel": "support-provision"})
    assert page.status_code == 200
    assert _page(client.id) in page.content.decode()
