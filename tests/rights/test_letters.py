# SPDX-License-Identifier: EUPL-1.2
"""The letters that answer a data subject's request: the overview of art9.1 with the picture
of where the data went, and the letter on a refused or partly granted request (art9.5), as
real PDF files read back with pypdf; the picture as SVG read back with xml.etree."""

from __future__ import annotations

import datetime
import io
import re
import uuid
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from pypdf import PdfReader

from tests import factories
from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    representative_of,
    supporting,
)
from tests.rights.test_requests import V2015, register
from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.gate import services
from zorgvuldig.gate.services.rights.views import RecipientSummary, SubjectOverview
from zorgvuldig.partners.models import Partner, PartnerKind
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.rights import picture, wording

SVG = "{http://www.w3.org/2000/svg}"
AP = "Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl)"
AWB = "Algemene wet bestuursrecht"
ROLES = "Dit overzicht noemt organisaties en rollen, geen individuele medewerkers."


def text_of(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def alternative_texts(pdf: bytes) -> list[str]:
    """The alternative texts (``/Alt``) in the PDF's structure tree: what a screen reader says
    of its pictures."""
    found = []

    def walk(node) -> None:
        node = node.get_object()
        if "/Alt" in node:
            found.append(str(node["/Alt"]))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids]:
            if hasattr(kid, "get_object") and hasattr(kid.get_object(), "get"):
                walk(kid)

    walk(PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/StructTreeRoot"])
    return found


def today() -> str:
    return wording.date(timezone.localdate(), "nl")


def logged(name: str):
    return LogRecord.objects.filter(name=name).order_by("start_time")


@pytest.fixture
def shared(actor, client_dossier):
    """Sanne's school data shared with a youth-care partner; her phone number kept; an item
    about her mother beside them."""
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    youth_care = make_partner("Jeugdhulp Langbroek")
    supporting(youth_care, client_dossier, "wim", consent=False)
    school = factories.record(
        actor, client_dossier.id, category="youth", value="Groep 8, De Regenboog", label="School"
    )
    phone = factories.record(
        actor, client_dossier.id, category="contact", value="06-12345678", label="Telefoon"
    )
    factories.record(
        actor,
        client_dossier.id,
        category="contact",
        value="Moeder: 06-87654321",
        label="Contact moeder",
        subject_id=representative_of(client_dossier.id),
    )
    services.share_items(
        actor,
        client_dossier.id,
        item_ids=[school.id],
        recipient_partner_id=youth_care.id,
        recipient_person="J. van Dijk",
        purpose="support-provision",
    )
    return client_dossier, school, phone


# --- art9.1: the overview letter ------------------------------------------------------------


def test_art9_1_the_overview_letter_names_each_item_its_origin_grounds_and_recipients(
    actor, shared
):
    client, _school, _phone = shared
    request = register(actor, client)
    before = logged("overzicht-betrokkene-opstellen").count()
    pdf = services.overview_pdf(actor, request.id)
    text = text_of(pdf)
    for expected in (
        "Overzicht van uw gegevens",
        "art. 9 lid 1",
        "Sanne de Vries",
        "Jeugdteam Heuvelrug",
        today(),
        V2015.id,
        # every item: label, category, value, origin (source and method), dates, purpose, basis
        "School – Jeugd",
        "Groep 8, De Regenboog",
        "Telefoon – Contactgegevens",
        "06-12345678",
        "Herkomst: Moeder (Gesprek met de cliënt)",
        f"Verkregen op {wording.date(factories.OBTAINED_ON, 'nl')}; vastgelegd op {today()}",
        "Doel: Onderzoek naar de ondersteuningsbehoefte. Grondslag: Jeugdwet.",
        # to whom it went: organisation and kind, day, ground
        f"Jeugdhulp Langbroek (partner), {today()}, op grond van uw toestemming (art. 4)",
        "Niet aan anderen verstrekt.",
        # the summary of the processing log
        "Wat Jeugdteam Heuvelrug met uw gegevens deed",
        "Gegeven vastleggen (vastleggen)",
        "Gegevens delen (delen)",
        # the picture, embedded: its text is in the PDF
        "Waar de gegevens van Sanne de Vries naartoe gingen",
        ROLES,
        AP,
    ):
        assert expected in text, expected
    # the picture says in words what it shows, to whoever cannot see it
    (alternative,) = alternative_texts(pdf)
    assert alternative.startswith(
        f"Overzicht van {today()}. Jeugdteam Heuvelrug heeft gegevens over Sanne de Vries "
        "verstrekt aan 1 ontvanger. Jeugdhulp Langbroek (partner): Jeugd; 1 verstrekking"
    )
    # only her own data; organisations and roles, never the employees
    assert "Moeder: 06-87654321" not in text and "Contact moeder" not in text
    assert "J. van Dijk" not in text and "Anna" not in text and "Wim" not in text
    records = logged("overzicht-betrokkene-opstellen")
    assert records.count() == before + 1
    record = records.last()
    assert record.articles == "art9.1" and record.decision == "allowed"
    assert record.subject_pseudonym == subject_pseudonym(client.subject.id)


def test_art9_1_the_overview_letter_in_english_when_asked(actor, shared):
    client = shared[0]
    request = register(actor, client)
    text = text_of(services.overview_pdf(actor, request.id, language="en"))
    for expected in (
        "Overview of your data",
        "art. 9(1)",
        "Origin: Moeder (Conversation with the client)",
        "Purpose: Assessment of the need for support. Legal basis: Youth Act (Jeugdwet).",
        "on the ground of your consent (art. 4)",
        "This overview names organisations and roles, not individual employees.",
        "Where the data of Sanne de Vries went",
        "Dutch Data Protection Authority (autoriteitpersoonsgegevens.nl)",
        wording.date(timezone.localdate(), "en"),
    ):
        assert expected in text, expected
    assert "Overzicht van uw gegevens" not in text and ROLES not in text


def test_art9_1_a_letter_in_another_language_is_an_input_error_and_nothing_is_logged(actor, shared):
    request = register(actor, shared[0])
    before = LogRecord.objects.count()
    with pytest.raises(InvalidInput) as wrong:
        services.overview_pdf(actor, request.id, language="de")
    assert "language" in wrong.value.errors
    with pytest.raises(InvalidInput):
        services.refusal_letter_pdf(actor, request.id, language="fr")
    assert LogRecord.objects.count() == before


def test_art9_1_only_an_overview_request_of_the_partner_gets_the_overview_letter(actor, shared):
    client = shared[0]
    inspection = register(actor, client, kind="inspection")
    with pytest.raises(InvalidInput):
        services.overview_pdf(actor, inspection.id)
    overview = register(actor, client)
    other = actor_for(make_employee(make_partner("Elders"), "elders"))
    with pytest.raises(NotFound):
        services.overview_pdf(other, overview.id)


# --- art9.1: the picture of where the data went ---------------------------------------------


def summary(name: str, kind: str = "partner", categories=("youth",), n: int = 1):
    return RecipientSummary(
        recipient=name,
        recipient_kind=kind,
        categories=tuple(categories),
        first_on=datetime.date(2026, 3, 2),
        last_on=datetime.date(2026, 3, 2) if n == 1 else datetime.date(2026, 6, 5),
        disclosures=n,
    )


def overview_with(recipients) -> SubjectOverview:
    return SubjectOverview(
        request_id=uuid.uuid4(),
        client_id=uuid.uuid4(),
        subject_name="Sanne de Vries",
        birth_date=datetime.date(2012, 5, 1),
        partner_name="Jeugdteam Heuvelrug",
        made_on=datetime.date(2026, 12, 3),
        protocol_version=V2015.id,
        items=(),
        processings=(),
        recipients=tuple(recipients),
    )


def parsed(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 (our own output, parsed to check it)


def texts_in(element: ET.Element) -> list[str]:
    return [t.text or "" for t in element.iter(f"{SVG}text")]


def nodes(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == "recipient"]


def boxes(root: ET.Element) -> list[tuple[float, float, float, float]]:
    return [
        tuple(float(r.get(k)) for k in ("x", "y", "width", "height"))
        for g in root.iter(f"{SVG}g")
        if g.get("class") in ("recipient", "subject")
        for r in g.iter(f"{SVG}rect")
    ]


def test_art9_1_the_picture_is_an_accessible_dated_svg_with_a_node_per_recipient():
    root = parsed(
        picture.where_it_went(
            overview_with(
                [
                    summary("Zorg & Welzijn <Noord>", categories=("youth", "health"), n=3),
                    summary('Buurman "Henk"', kind="non-partner"),
                    summary("Veilig Thuis (melding VT-1)", kind="veilig-thuis"),
                ]
            )
        )
    )
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "Waar de gegevens van Sanne de Vries naartoe gingen"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    # the description says it all in sentences, with the names as they are written
    assert "Overzicht van 3 december 2026" in desc.text
    assert "Zorg & Welzijn <Noord> (partner): Jeugd, Gezondheid (medische gegevens)" in desc.text
    assert "3 verstrekkingen, van 2 maart 2026 tot en met 5 juni 2026" in desc.text
    assert 'Buurman "Henk" (niet-partner)' in desc.text
    # a node per recipient, its name escaped in the SVG and read back as written
    found = nodes(root)
    assert [g.get("data-kind") for g in found] == ["partner", "non-partner", "veilig-thuis"]
    first = texts_in(found[0])
    assert first[0] == "Zorg & Welzijn <Noord>"
    assert "partner · 3 verstrekkingen" in first and "Jeugd, Gezondheid" in first
    assert "2 mrt. 2026 – 5 jun. 2026" in first
    assert texts_in(found[1])[:2] == ['Buurman "Henk"', "niet-partner · 1 verstrekking"]
    assert "Veilig Thuis · 1 verstrekking" in texts_in(found[2])
    # dated: the day of the overview is written in the picture
    assert any("3 december 2026" in t for t in texts_in(root))
    assert "<Noord>" not in picture.where_it_went(overview_with([summary("<Noord>")]))


def test_art9_1_the_picture_says_so_when_nothing_went_anywhere():
    root = parsed(picture.where_it_went(overview_with([])))
    assert nodes(root) == []
    assert "Er zijn geen gegevens aan anderen verstrekt." in texts_in(root)
    assert "geen gegevens over Sanne de Vries aan anderen verstrekt" in root.find(f"{SVG}desc").text
    english = parsed(picture.where_it_went(overview_with([]), language="en"))
    assert english.find(f"{SVG}title").text == "Where the data of Sanne de Vries went"
    assert "No data was disclosed to others." in texts_in(english)


def test_art9_1_the_picture_of_one_and_of_thirty_recipients_has_no_overlap():
    long_name = "Stichting Maatschappelijke Dienstverlening en Schuldhulp Utrechtse Heuvelrug"
    for count in (1, 30):
        recipients = [
            summary(
                f"{long_name} {i}" if i % 2 else f"Jeugdhulp {i}",
                kind=("partner", "non-partner", "veilig-thuis")[i % 3],
                categories=("youth", "health", "safety-signals", "finances-debts")[: 1 + i % 4],
                n=1 + i,
            )
            for i in range(count)
        ]
        root = parsed(picture.where_it_went(overview_with(recipients)))
        assert len(nodes(root)) == count
        placed = boxes(root)
        assert len(placed) == count + 1  # and the subject in the middle
        for i, (x, y, w, h) in enumerate(placed):
            for x2, y2, w2, h2 in placed[i + 1 :]:
                assert x + w <= x2 or x2 + w2 <= x or y + h <= y2 or y2 + h2 <= y
        width, height = float(root.get("width")), float(root.get("height"))
        assert all(
            x >= 0 and y >= 0 and x + w <= width and y + h <= height for x, y, w, h in placed
        )
        # a long name is wrapped on two lines and shortened, never wider than its node
        for g in nodes(root):
            for t in g.iter(f"{SVG}text"):
                bold = t.get("font-weight") == "bold"
                size = float(t.get("font-size"))
                assert (
                    picture.text_width(t.text, size, bold) <= picture.NODE_WIDTH - 2 * picture.PAD
                )
        if count == 30:
            name = texts_in(nodes(root)[1])[:2]
            assert name[0].startswith("Stichting") and name[1].endswith("…")
            assert f"{long_name} 27 (partner)" in root.find(f"{SVG}desc").text


def test_art9_1_the_picture_of_the_overview_read_through_the_gate(actor, shared):
    client = shared[0]
    request = register(actor, client)
    overview = services.subject_overview(actor, request.id)
    root = parsed(picture.where_it_went(overview, element_id="overview-1"))
    (node,) = nodes(root)
    assert texts_in(node)[:2] == ["Jeugdhulp Langbroek", "partner · 1 verstrekking"]
    assert root.find(f"{SVG}title").get("id") == "overview-1-title"


# --- art9.5: the letter on a refused or partly granted request ------------------------------


def test_art9_5_a_refusal_names_the_articles_the_ground_and_the_reason(actor, shared):
    client, school, _phone = shared
    request = register(
        actor, client, kind="correction", item_ids=[school.id], details="Ik zit in groep 7."
    )
    services.decide_request(
        actor,
        request.id,
        outcome="refused",
        protection_needed=False,
        refusal_ground="accurate",
        refusal_reason="De school bevestigde op 1 december dat Sanne in groep 8 zit.",
    )
    before = logged("weigeringsbrief-opstellen").count()
    text = text_of(services.refusal_letter_pdf(actor, request.id))
    for expected in (
        "Besluit op uw verzoek",
        "Aan: Marieke de Vries",
        "Over: Sanne de Vries",
        "correctie van uw gegevens (art. 9 lid 4)",
        "besloten uw verzoek te weigeren",
        f"Dit besluit rust op art. 9 lid 4 en art. 9 lid 5 van het {wording.PROTOCOL['nl']}",
        V2015.id,
        "De gegevens zijn juist en volledig",
        "De school bevestigde op 1 december dat Sanne in groep 8 zit.",
        "School (Jeugd)",
        today(),
        AP,
    ):
        assert expected in text, expected
    # the partner is no municipality: no decision under the Awb
    assert AWB not in text and "bezwaar" not in text
    assert "Anna" not in text  # the organisation answers, not the employee
    records = logged("weigeringsbrief-opstellen")
    assert records.count() == before + 1
    record = records.last()
    assert record.articles == "art9.5" and record.decision == "allowed"
    assert record.subject_pseudonym == subject_pseudonym(client.subject.id)


def test_art9_5_a_municipality_s_partial_grant_says_what_was_granted_and_how_to_object(
    actor, partner, shared
):
    Partner.objects.filter(id=partner.id).update(kind=PartnerKind.MUNICIPALITY)
    client, school, phone = shared
    request = register(actor, client, kind="deletion", item_ids=[school.id, phone.id])
    services.decide_request(
        actor,
        request.id,
        outcome="partly-granted",
        protection_needed=False,
        granted_item_ids=[phone.id],
        refusal_ground="legal-duty",
        refusal_reason="Het schooladvies bewaren wij tot het einde van het traject.",
    )
    text = text_of(services.refusal_letter_pdf(actor, request.id))
    for expected in (
        "besloten uw verzoek gedeeltelijk toe te wijzen",
        "Een wettelijke plicht staat eraan in de weg",
        "Het schooladvies bewaren wij tot het einde van het traject.",
        f"Dit is een besluit in de zin van de {AWB} (Awb)",
        "binnen zes weken",
        "bezwaar maken bij het college van burgemeester en wethouders van Jeugdteam Heuvelrug",
        AP,
    ):
        assert expected in text, expected
    granted = text.index("Wat wij wel hebben toegewezen")
    not_granted = text.index("Wat wij niet hebben toegewezen")
    assert granted < text.index("Telefoon (Contactgegevens)") < not_granted
    assert text.index("School (Jeugd)") > not_granted
    english = text_of(services.refusal_letter_pdf(actor, request.id, language="en"))
    for expected in (
        "Decision on your request",
        "to grant your request in part",
        "This decision rests on art. 9(4) and art. 9(5)",
        "A statutory duty opposes it",
        "General Administrative Law Act (Algemene wet bestuursrecht, Awb)",
        "within six weeks",
        "What we granted",
        "Telefoon (Contact details)",
        "Dutch Data Protection Authority (autoriteitpersoonsgegevens.nl)",
    ):
        assert expected in english, expected
    assert "Besluit op uw verzoek" not in english
    assert logged("weigeringsbrief-opstellen").count() == 2


def test_art9_5_an_inspection_partly_granted_tells_how_many_were_withheld_on_which_ground(
    actor, shared
):
    client, school, _phone = shared
    request = register(actor, client, kind="inspection")
    services.withhold_from_inspection(
        actor,
        request.id,
        item_id=school.id,
        ground="protect-subject",
        reason="Het schooladvies eerst samen bespreken.",
    )
    released = services.release_inspection(actor, request.id)
    assert released.outcome == "partly-granted"
    text = text_of(services.refusal_letter_pdf(actor, request.id))
    for expected in (
        "inzage in uw dossier (art. 9 lid 2)",
        "Dit besluit rust op art. 9 lid 2 en art. 9 lid 3",
        "U kunt 1 gegeven uit uw dossier inzien.",
        "1 gegeven is niet getoond omdat het tonen ervan zou u schaden.",
        "1 gegeven is niet getoond omdat het gaat over een ander dan u.",
        AP,
    ):
        assert expected in text, expected
    # the subject is told how many on which ground, not which, nor the reviewer's reasons
    assert "Het schooladvies eerst samen bespreken." not in text
    assert "School" not in text and "Contact moeder" not in text
    assert logged("weigeringsbrief-opstellen").get().articles == "art9.3"


def test_art9_5_only_a_refused_or_partly_granted_request_gets_a_refusal_letter(actor, shared):
    client, _school, phone = shared
    open_request = register(actor, client, kind="deletion", item_ids=[phone.id])
    with pytest.raises(InvalidInput) as still_open:
        services.refusal_letter_pdf(actor, open_request.id)
    assert "art. 9 lid 5" in still_open.value.errors["outcome"]
    services.decide_request(actor, open_request.id, outcome="granted", protection_needed=False)
    with pytest.raises(InvalidInput) as granted:
        services.refusal_letter_pdf(actor, open_request.id)
    assert "outcome" in granted.value.errors
    overview = register(actor, client)
    with pytest.raises(InvalidInput):
        services.refusal_letter_pdf(actor, overview.id)
    assert not logged("weigeringsbrief-opstellen").exists()
    other = actor_for(make_employee(make_partner("Elders"), "elders"))
    with pytest.raises(NotFound):
        services.refusal_letter_pdf(other, open_request.id)
