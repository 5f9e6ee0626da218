# SPDX-License-Identifier: EUPL-1.2
"""art9 in the resident's own view (decision 25): making a request with its due date, the
errors of the caseworker's form, a request for someone the resident may not act for, and the
overview to download once the organisation sent it (PDF and JSON)."""

from __future__ import annotations

import pytest

from tests import factories
from tests.conftest import next_bsn
from tests.resident.conftest import sign_in_with_digid
from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.gate import services
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.rights.models import SubjectRequest

pytestmark = pytest.mark.django_db


def test_art9_4_the_resident_makes_a_correction_request_and_sees_its_due_date(
    actor, adult, partner
):
    joost, _ = adult
    item = factories.record(actor, joost.id, category="housing", value="Trap")
    me = joost.subject.id
    choices = services.resident_request_choices(me, partner.id)
    assert "correction" in choices.kinds and [i.item_id for i in choices.items] == [item.id]
    made = services.resident_make_request(
        me, partner.id, kind="correction", details="Er is een lift", item_ids=[item.id]
    )
    assert made.state == "received" and made.kind == "correction"
    assert made.identity_method == "digital-sign-in" and made.registered_by
    assert made.due_on > made.received_on
    listed = services.resident_requests(me)
    assert listed[0].requests[0].id == made.id and listed[0].requests[0].due_on == made.due_on
    record = LogRecord.objects.filter(name="verzoek-betrokkene-vastleggen").latest("id")
    assert record.actor_id.startswith("resident:") and record.articles == "art9.4"


def test_a_request_with_an_error_writes_nothing(actor, adult, partner):
    joost, _ = adult
    me = joost.subject.id
    before = (SubjectRequest.objects.count(), LogRecord.objects.count())
    with pytest.raises(InvalidInput) as error:
        services.resident_make_request(me, partner.id, kind="correction", details="x")
    assert "itemIds" in error.value.errors
    with pytest.raises(InvalidInput) as error:
        services.resident_make_request(me, partner.id, kind="restriction")
    assert "kind" in error.value.errors  # an AVG right the 2015 version lacks
    assert (SubjectRequest.objects.count(), LogRecord.objects.count()) == before


def test_art10_1_a_request_for_someone_the_resident_may_not_act_for_is_refused(
    actor, adult, client_dossier, partner
):
    """Joost may not act for Sanne (14, with her mother as representative)."""
    joost, _ = adult
    before = (SubjectRequest.objects.count(), LogRecord.objects.count())
    with pytest.raises(NotFound):
        services.resident_make_request(
            joost.subject.id, partner.id, kind="overview", subject_id=client_dossier.subject.id
        )
    assert (SubjectRequest.objects.count(), LogRecord.objects.count()) == before


def test_art10_1_a_14_year_old_cannot_make_a_request_alone(client_dossier, partner):
    before = SubjectRequest.objects.count()
    with pytest.raises(InvalidInput) as error:
        services.resident_make_request(client_dossier.subject.id, partner.id, kind="overview")
    assert "signedBySubjectIds" in error.value.errors
    assert SubjectRequest.objects.count() == before


def test_art9_1_the_overview_downloads_once_the_organisation_sent_it(client, actor, adult, partner):
    joost, bsn = adult
    factories.record(actor, joost.id, category="housing", value="Trap")
    made = services.resident_make_request(joost.subject.id, partner.id, kind="overview")
    sign_in_with_digid(client, bsn)
    url = f"/mijn/verzoeken/{made.id}/overzicht."
    assert client.get(url + "pdf").status_code == 404  # not sent yet
    services.send_overview(actor, made.id)
    pdf = client.get(url + "pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    copy = client.get(url + "json").json()
    assert copy["subject_name"] == "Joost Bakker" and copy["items"][0]["value"] == "Trap"
    page = client.get("/mijn/verzoeken/").content.decode()
    assert "overzicht.pdf" in page and "overzicht.json" in page


def test_the_request_form_on_the_page(client, actor, adult, partner):
    _, bsn = adult
    sign_in_with_digid(client, bsn)
    form = client.get("/mijn/verzoeken/nieuw/", {"organisatie": str(partner.id)})
    assert form.status_code == 200 and 'value="correction"' in form.content.decode()
    before = SubjectRequest.objects.count()
    wrong = client.post(
        f"/mijn/verzoeken/nieuw/?organisatie={partner.id}",
        {"organisatie": str(partner.id), "kind": "correction"},
    )
    assert wrong.status_code == 400 and SubjectRequest.objects.count() == before
    made = client.post(
        f"/mijn/verzoeken/nieuw/?organisatie={partner.id}",
        {"organisatie": str(partner.id), "kind": "inspection"},
        follow=True,
    )
    assert made.status_code == 200 and SubjectRequest.objects.count() == before + 1
    assert 'data-testid="due"' in made.content.decode()


def test_a_resident_without_data_has_no_organisation_to_ask(client, partner):
    sign_in_with_digid(client, next_bsn())
    assert 'data-testid="nothing"' in client.get("/mijn/verzoeken/").content.decode()
    assert client.get("/mijn/verzoeken/nieuw/", {"organisatie": str(partner.id)}).status_code == 404
