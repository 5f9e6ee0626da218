# SPDX-License-Identifier: EUPL-1.2
"""Retention and destruction on the pages (art5.2): a client's retention with its rules and
holds, the destruction lists from drawing one up to its record of destruction, and the plan of
what becomes due, through Django's test client.

The data is like the demo's: dossiers of the partner whose support ended long ago, one kept on
a hold of the privacy officer, a list of them drawn up by a caseworker. What the pages add to
the services is checked: that the gate's answers are shown (its errors in the form that was
sent, its refusals as their pages), that a refused step writes nothing, and that the URLs hold
no personal data.
"""

from __future__ import annotations

import csv
import datetime
import io
import re

import pypdf
import pytest
from django.test import Client as WebClient
from django.utils import timezone, translation

from tests.conftest import make_employee, make_partner, sign_in
from tests.web.test_pages import field_error, text_of
from zorgvuldig.dossier.models import Annotation
from zorgvuldig.gate import services
from zorgvuldig.gate.services.retention import lists as list_service
from zorgvuldig.gate.services.retention.destruction import Kept
from zorgvuldig.gate.services.retention.run import KEPT_ON_REVIEW
from zorgvuldig.partners.models import Employee, Role
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.protocol.retention import State
from zorgvuldig.retention.models import (
    DestructionList,
    EntryOutcome,
    ListEntry,
    ListState,
    RetentionHold,
    Review,
)
from zorgvuldig.web import labels
from zorgvuldig.web.management.commands.retention import COLUMNS as COMMAND_COLUMNS
from zorgvuldig.web.views import destruction as destruction_pages
from zorgvuldig.web.views import retention_plan as plan_page

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
LISTS = "/vernietigen/"
PLAN = "/vernietigen/plan/"


def retention_url(client_id) -> str:
    return f"/clienten/{client_id}/bewaren/"


def list_url(list_id, rest: str = "") -> str:
    return f"/vernietigen/{list_id}/{rest}"


def browse(employee: Employee) -> WebClient:
    """A browser session of ``employee``."""
    session = WebClient()
    sign_in(session, employee.user)
    return session


def entries_of(list_id) -> dict[str, ListEntry]:
    """The list's entries by the client's given names (while they are named)."""
    return {
        e.client.subject.given_names: e
        for e in ListEntry.objects.filter(list_id=list_id).select_related("client__subject")
    }


def pdf_text(content: bytes) -> str:
    assert content.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


# The retention of a client's dossier -------------------------------------------------------


def test_art5_2_the_retention_page_shows_each_item_and_trajectory_with_the_rule_that_won(
    petra, region, youth_item
):
    sanne = region["Sanne"]
    response = browse(petra).get(retention_url(sanne.id))
    assert response.status_code == 200
    html, text = response.content.decode(), text_of(response)
    assert "Sanne de Vries" in text
    # the dossier: the Jeugdwet's twenty years from the end of support (1 March 2004) won
    assert re.search(r'data-dossier-retention data-state="due"', html)
    assert 'data-kept-through="2024-03-01"' in html
    assert "Bewaren tot en met 1-3-2024." in text
    assert "jeugdwet-7.3.8" in text and "Jeugdwet art. 7.3.8" in text
    assert "een langere wettelijke termijn gaat voor de vijf jaar van het protocol" in text
    assert "Ook van toepassing: Gegevens in het sociaal domein: 5 jaar na het jaar" in text
    # the trajectory, and each item with its own row
    assert re.search(r'data-trajectory="jeugd"', html)
    assert f'data-item="{youth_item.id}"' in html
    assert LogRecord.objects.filter(name="bewaartermijn-raadplegen", decision="allowed").exists()


def test_art5_2_the_dossier_links_to_its_retention_which_has_no_date_while_support_goes_on(
    web, client_dossier, youth_item
):
    dossier = web.get(f"/clienten/{client_dossier.id}/?doel=support-provision")
    assert retention_url(client_dossier.id) in dossier.content.decode()
    response = web.get(retention_url(client_dossier.id))
    assert response.status_code == 200
    assert re.search(r'data-dossier-retention data-state="open"', response.content.decode())
    assert "Nog geen vernietigingsdatum: de ondersteuning van de cliënt loopt nog" in text_of(
        response
    )


def test_art5_2_the_retention_page_shows_the_hold_its_reason_who_decided_and_its_review(
    petra, region
):
    lars = region["Lars"]
    response = browse(petra).get(retention_url(lars.id))
    html, text = response.content.decode(), text_of(response)
    assert re.search(r'data-dossier-retention data-state="held"', html)
    (hold,) = RetentionHold.objects.filter(client_id=lars.id)
    row = re.search(rf'<tr [^>]*data-hold="{hold.id}".*?</tr>', html, re.S).group(0)
    assert "Zijn dochter krijgt nog ondersteuning" in row and "Petra Test" in row
    assert hold.review_on.isoformat() in row
    assert "Langer bewaard omdat zorgvuldige ondersteuning dat vraagt" in text


def test_art5_2_a_hold_placed_on_the_page_is_annotated_and_shown(petra, region):
    sanne, session = region["Sanne"], browse(petra)
    review_on = timezone.localdate() + 400 * DAY
    response = session.post(
        retention_url(sanne.id),
        {"reason": "Broer meldt zich aan bij het jeugdteam", "review_on": review_on.isoformat()},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{retention_url(sanne.id)}#bewaarbesluiten"
    (hold,) = RetentionHold.objects.filter(client_id=sanne.id)
    assert (hold.review_on, hold.decided_by_id) == (review_on, petra.id)
    assert Annotation.objects.filter(client_id=sanne.id, article="art5.2").count() == 1
    shown = session.get(retention_url(sanne.id))
    assert "Broer meldt zich aan bij het jeugdteam" in text_of(shown)
    assert re.search(r'data-dossier-retention data-state="held"', shown.content.decode())
    assert LogRecord.objects.filter(name="bewaartermijn-verlengen", decision="allowed").exists()


@pytest.mark.parametrize(
    ("reason", "days", "field", "message"),
    [
        ("", 100, "reason", "Geef de reden waarom zorgvuldige ondersteuning"),
        ("Broer meldt zich aan", None, "review_on", "Geef een geldige herziendatum"),
        ("Broer meldt zich aan", 0, "review_on", "De herziendatum moet na vandaag liggen."),
        ("Broer meldt zich aan", 5 * 366 + 1, "review_on", "ten minste elke 5 jaar herzien"),
    ],
)
def test_art5_2_a_hold_without_a_reason_or_a_good_review_date_is_said_and_writes_nothing(
    petra, region, reason, days, field, message
):
    sanne = region["Sanne"]
    day = "" if days is None else (timezone.localdate() + days * DAY).isoformat()
    logged = LogRecord.objects.filter(name="bewaartermijn-verlengen").count()  # Lars's hold
    response = browse(petra).post(retention_url(sanne.id), {"reason": reason, "review_on": day})
    assert response.status_code == 400
    assert message in field_error(response, field)
    assert 'id="error-summary"' in response.content.decode()
    assert not RetentionHold.objects.filter(client_id=sanne.id).exists()
    assert not Annotation.objects.filter(client_id=sanne.id, article="art5.2").exists()
    assert LogRecord.objects.filter(name="bewaartermijn-verlengen").count() == logged


def test_art5_2_who_does_not_handle_the_dossier_does_not_find_its_retention(partner, petra, region):
    sanne = region["Sanne"]
    colleague = make_employee(partner, "carla")  # does not support Sanne
    stranger = make_employee(make_partner("Wijkteam Doorn"), "bram", role=Role.PRIVACY_OFFICER)
    for employee in (colleague, stranger):
        session = browse(employee)
        assert session.get(retention_url(sanne.id)).status_code == 404
        refused = session.post(
            retention_url(sanne.id),
            {"reason": "Nog nodig", "review_on": (timezone.localdate() + 30 * DAY).isoformat()},
        )
        assert refused.status_code == 404
    assert not RetentionHold.objects.filter(client_id=sanne.id).exists()
    assert LogRecord.objects.filter(name="bewaartermijn-raadplegen", decision="refused").exists()


# The destruction lists -----------------------------------------------------------------------


def test_art5_2_the_lists_page_shows_the_lists_and_the_privacy_officer_has_it_in_the_menu(
    petra, drawn
):
    response = browse(petra).get(LISTS)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{LISTS}"' in html  # the menu item
    row = re.search(rf'<tr [^>]*data-list="{drawn.id}".*?</tr>', html, re.S).group(0)
    assert 'data-state="review"' in row and 'data-entries="3"' in row and "Anna Test" in row
    assert f'href="{list_url(drawn.id)}"' in row
    assert f'href="{PLAN}"' in html  # the plan, for the privacy officer


def test_art5_2_a_list_drawn_up_on_the_page_opens_its_own_page(web, region):
    response = web.post(LISTS, {"due_by": timezone.localdate().isoformat()})
    (made,) = DestructionList.objects.all()
    assert response.status_code == 302 and response["Location"] == list_url(made.id)
    assert made.author.user.username == "anna" and made.entries.count() == 3
    page = web.get(list_url(made.id))
    html, text = page.content.decode(), text_of(page)
    assert "3 dossiers" in text  # the message
    for name in ("Sanne de Vries", "Jesse Bos", "Iris Kok"):
        assert name in text
    assert "Lars Dekker" not in text  # kept on his hold
    assert html.count('name="stap" value="beoordelen"') == 3
    assert LogRecord.objects.filter(name="vernietigingslijst-opstellen").exists()


@pytest.mark.parametrize(
    ("due_by", "message"),
    [
        ("", "Geef een geldige datum"),
        ((datetime.date.today() + 400 * DAY).isoformat(), "ten hoogste een jaar vooruit"),
        ("2001-01-01", "Op die dag is niets van uw organisatie te vernietigen."),
    ],
)
def test_art5_2_a_list_for_a_wrong_day_is_said_in_the_form_and_nothing_is_drawn_up(
    web, region, due_by, message
):
    response = web.post(LISTS, {"due_by": due_by})
    assert response.status_code == 400
    assert message in field_error(response, "due_by")
    assert not DestructionList.objects.exists()


def test_art5_2_an_employee_without_the_function_is_refused_the_lists(partner, drawn):
    administrator = browse(make_employee(partner, "beheer", role=Role.ADMINISTRATOR))
    for path in (LISTS, list_url(drawn.id), list_url(drawn.id, "verklaring/")):
        response = administrator.get(path)
        assert response.status_code == 403, path
        assert "Alleen medewerkers van de organisatie doen dit" in text_of(response)
        assert "data-not-allowed" in response.content.decode()
    assert administrator.post(LISTS, {"due_by": "2020-01-01"}).status_code == 403
    assert f'href="{LISTS}"' not in administrator.get("/").content.decode()  # not in the menu


def test_art5_2_another_organisation_does_not_find_the_list(drawn):
    stranger = make_employee(make_partner("Wijkteam Doorn"), "bram", role=Role.PRIVACY_OFFICER)
    response = browse(stranger).get(list_url(drawn.id))
    assert response.status_code == 404
    assert "Deze vernietigingslijst bestaat niet." in text_of(response)


def test_art5_2_a_list_from_review_to_record_of_destruction_through_the_pages(
    web, rob, petra, drawn
):
    """Anna drew the list up; Rob reviews it, Petra approves it, returns it in its cooling-off,
    Anna offers it again, it is reviewed and approved again and carried out; the record."""
    reviewer, officer, url = browse(rob), browse(petra), list_url(drawn.id)
    entries = entries_of(drawn.id)
    sanne, jesse = entries["Sanne"], entries["Jesse"]
    keep_until = (timezone.localdate() + 200 * DAY).isoformat()

    # Rob keeps Sanne's dossier, first without a reason: said in her row, nothing written
    keep = {"stap": "beoordelen", "dossier": sanne.id, f"dossier-{sanne.id}-review": "keep"}
    refused = reviewer.post(url, {**keep, f"dossier-{sanne.id}-keep_until": keep_until})
    assert refused.status_code == 400
    assert "Geef de reden" in field_error(refused, f"dossier-{sanne.id}-reason")
    assert re.search(
        rf'id="dossier-{sanne.id}".*?<details class="zv-details" open', _html(refused), re.S
    )
    assert ListEntry.objects.get(id=sanne.id).review == ""
    assert not RetentionHold.objects.filter(client_id=sanne.client_id).exists()
    kept = reviewer.post(
        url,
        {
            **keep,
            f"dossier-{sanne.id}-reason": "Zaak bij de rechter",
            f"dossier-{sanne.id}-keep_until": keep_until,
        },
    )
    assert kept.status_code == 302 and kept["Location"] == f"{url}#dossier-{sanne.id}"
    assert ListEntry.objects.get(id=sanne.id).review == "keep"
    assert RetentionHold.objects.filter(client_id=sanne.client_id).count() == 1
    destroy = {"stap": "beoordelen", "dossier": jesse.id, f"dossier-{jesse.id}-review": "destroy"}
    assert reviewer.post(url, destroy).status_code == 302
    shown = reviewer.get(url)
    assert f'data-entry="{sanne.id}" data-review="keep"' in _html(shown)
    assert "Zaak bij de rechter" in text_of(shown)

    # one dossier is not decided yet: completing needs the box ticked
    incomplete = reviewer.post(url, {"stap": "afronden"})
    assert incomplete.status_code == 400 and "Nog 1 dossier(s) zonder beoordeling." in text_of(
        incomplete
    )
    assert DestructionList.objects.get(id=drawn.id).state == "review"
    completed = reviewer.post(url, {"stap": "afronden", "afronden-destroy_rest": "on"})
    assert completed.status_code == 302
    assert DestructionList.objects.get(id=drawn.id).state == "approval"

    # a caseworker does not approve; the privacy officer does, and the cooling-off starts
    assert "stap-goedkeuren" not in _html(reviewer.get(url))
    not_officer = reviewer.post(url, {"stap": "goedkeuren"})
    assert not_officer.status_code == 403 and "Alleen de privacy officer" in text_of(not_officer)
    assert DestructionList.objects.get(id=drawn.id).state == "approval"
    approved = officer.post(url, {"stap": "goedkeuren"})
    assert approved.status_code == 302
    found = DestructionList.objects.get(id=drawn.id)
    assert (found.state, found.approver_id) == ("approved", petra.id)
    until = timezone.localtime(found.cooling_off_until)
    assert until == found.approved_at + 7 * DAY
    assert f'data-cooling-off-until="{until:%Y-%m-%dT%H:%M:%S}' in _html(officer.get(url))

    # returned in its cooling-off: first without a reason, then with one
    no_reason = officer.post(url, {"stap": "terugsturen", "terugsturen-reason": " "})
    assert no_reason.status_code == 400
    assert "Geef de reden waarom de lijst terug moet." in field_error(
        no_reason, "terugsturen-reason"
    )
    assert DestructionList.objects.get(id=drawn.id).state == "approved"
    returned = officer.post(
        url, {"stap": "terugsturen", "terugsturen-reason": "Verkeerde peildatum"}
    )
    assert returned.status_code == 302
    assert DestructionList.objects.get(id=drawn.id).state == "returned"
    assert "Verkeerde peildatum" in text_of(web.get(url))

    # only its author offers it again
    assert "Alleen de opsteller" in text_of(reviewer.post(url, {"stap": "aanbieden"}))
    assert DestructionList.objects.get(id=drawn.id).state == "returned"
    assert web.post(url, {"stap": "aanbieden"}).status_code == 302
    assert DestructionList.objects.get(id=drawn.id).state == "review"

    # reviewed (the decisions stand) and approved again, then carried out by the daily run
    assert reviewer.post(url, {"stap": "afronden"}).status_code == 302
    assert officer.post(url, {"stap": "goedkeuren"}).status_code == 302
    done = services.run_destruction_list(drawn.id, now=timezone.now() + 8 * DAY)
    assert (done.destroyed, done.kept) == (2, 1)
    page = officer.get(url)
    html = _html(page)
    assert 'data-state="done"' in html
    assert f'data-entry="{sanne.id}" data-review="keep" data-outcome="kept"' in html
    assert html.count('data-outcome="destroyed"') == 2
    assert "Jesse Bos" not in text_of(page)  # a destroyed dossier is no longer named
    assert f'href="{url}verklaring/"' in html and f'href="{url}verklaring/?taal=en"' in html
    assert 'data-counts="3 2 1 0"' in html


def _html(response) -> str:
    return response.content.decode()


def test_art5_2_the_author_s_approval_is_refused_on_the_page(petra, rob, region):
    officer = browse(petra)
    officer.post(LISTS, {"due_by": timezone.localdate().isoformat()})
    (made,) = DestructionList.objects.all()
    services.complete_review(actor_for(rob), made.id, destroy_rest=True)
    response = officer.post(list_url(made.id), {"stap": "goedkeuren"})
    assert response.status_code == 400
    assert "De opsteller van de lijst keurt haar niet zelf goed." in text_of(response)
    assert 'id="stap-goedkeuren"' in _html(response)
    found = DestructionList.objects.get(id=made.id)
    assert (found.state, found.approver_id, found.cooling_off_until) == ("approval", None, None)


def test_art5_2_the_author_does_not_review_their_own_list(web, drawn):
    entry = entries_of(drawn.id)["Jesse"]
    response = web.post(
        list_url(drawn.id),
        {"stap": "beoordelen", "dossier": entry.id, f"dossier-{entry.id}-review": "destroy"},
    )
    assert response.status_code == 400
    assert "De opsteller van de lijst beoordeelt haar niet zelf." in text_of(response)
    assert ListEntry.objects.get(id=entry.id).review == ""


def test_art5_2_the_list_shows_its_dossiers_a_page_at_a_time(monkeypatch, petra, drawn):
    monkeypatch.setattr(list_service, "PAGE", 2)
    monkeypatch.setattr(destruction_pages, "PAGE", 2)
    session = browse(petra)
    consults = LogRecord.objects.filter(name="vernietigingslijst-raadplegen", decision="allowed")
    first = session.get(list_url(drawn.id))
    assert consults.count() == 2  # consulting a page is logged for the clients on it only
    second = session.get(list_url(drawn.id) + "?pagina=2")
    assert consults.count() == 3
    assert _html(first).count("data-entry=") == 2 and _html(second).count("data-entry=") == 1
    assert f'href="{list_url(drawn.id)}?pagina=2#dossiers"' in _html(first)
    assert f'href="{list_url(drawn.id)}#dossiers"' in _html(second)
    # a review sent from the second page comes back to it
    (entry,) = ListEntry.objects.order_by("-id")[:1]
    assert f'data-entry="{entry.id}"' in _html(second)
    sent = session.post(
        list_url(drawn.id) + "?pagina=2",
        {"stap": "beoordelen", "dossier": entry.id, f"dossier-{entry.id}-review": "destroy"},
    )
    assert sent["Location"] == f"{list_url(drawn.id)}?pagina=2#dossier-{entry.id}"
    assert ListEntry.objects.get(id=entry.id).review == "destroy"


def test_art5_2_the_record_of_destruction_is_a_pdf_in_dutch_and_in_english(
    actor, rob, petra, drawn
):
    session = browse(petra)
    assert session.get(list_url(drawn.id, "verklaring/")).status_code == 404  # not run yet
    services.complete_review(actor_for(rob), drawn.id, destroy_rest=True)
    services.approve_list(actor_for(petra), drawn.id)
    services.run_destruction_list(drawn.id, now=timezone.now() + 8 * DAY)
    dutch = session.get(list_url(drawn.id, "verklaring/"))
    assert dutch.status_code == 200 and dutch["Content-Type"] == "application/pdf"
    text = pdf_text(dutch.content)
    assert "Verklaring van vernietiging" in text and "Vernietigd (3)" in text
    assert "Anna Test" in text and "Rob Test" in text and "Petra Test" in text
    assert "Sanne" not in text and "Jesse" not in text
    english = pdf_text(session.get(list_url(drawn.id, "verklaring/?taal=en")).content)
    assert "Record of destruction" in english and "Destroyed (3)" in english
    assert "Verklaring van vernietiging" not in english


# The plan --------------------------------------------------------------------------------------


def test_art5_2_the_plan_counts_what_becomes_due_by_a_day_and_downloads_as_csv(petra, region):
    session = browse(petra)
    today = timezone.localdate().isoformat()
    response = session.get(f"{PLAN}?op={today}")
    assert response.status_code == 200
    html = _html(response)
    assert f'data-by="{today}"' in html
    assert 'data-plan-row="jeugdwet-7.3.8 2004"' in html
    row = re.search(r'<tr [^>]*data-plan-row="jeugdwet-7.3.8 2004".*?</tr>', html, re.S).group(0)
    assert "Jeugdteam Heuvelrug" in row and ">3<" in row  # Lars is held
    assert "Sanne" not in text_of(response)
    assert session.get(PLAN).status_code == 200  # today, by default
    download = session.get(f"{PLAN}?op={today}&formaat=csv")
    assert download["Content-Type"].startswith("text/csv")
    assert f"vernietigingsplan-{today}.csv" in download["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(download.content.decode())))
    assert tuple(rows[0]) == COMMAND_COLUMNS == plan_page.COLUMNS
    assert rows[1:] == [["Jeugdteam Heuvelrug", "jeugd", "jeugdwet-7.3.8", "2004", "3"]]


@pytest.mark.parametrize("day", ["morgen", "2026-13-45", "31-02-2026"])
def test_art5_2_a_malformed_day_of_the_plan_is_said_on_the_page(petra, region, day):
    response = browse(petra).get(f"{PLAN}?op={day}")
    assert response.status_code == 400
    assert field_error(response, "op")
    assert "data-plan-row" not in _html(response)
    assert browse(petra).get(f"{PLAN}?op={day}&formaat=csv").status_code == 400


def test_art5_2_the_plan_of_the_region_is_the_privacy_officer_s(web, region):
    response = web.get(PLAN)
    assert response.status_code == 403
    assert "privacy officer" in text_of(response)


# The labels ------------------------------------------------------------------------------------


def test_the_labels_of_retention_are_those_of_the_models_and_every_code_has_one():
    """The web may not import the retention models, so it repeats their choices."""
    with translation.override("en"):
        for shown, choices in (
            (labels.LIST_STATES, ListState.choices),
            (labels.LIST_REVIEWS, Review.choices),
            (labels.ENTRY_OUTCOMES, EntryOutcome.choices),
        ):
            assert {code: str(text) for code, text in shown.items()} == dict(choices)
    kept = {v for k, v in vars(Kept).items() if k.isupper()}
    assert set(labels.KEPT_BECAUSE) == kept | {KEPT_ON_REVIEW}
    assert set(labels.RETENTION_STATES) == {state.value for state in State}
