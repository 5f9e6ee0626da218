# SPDX-License-Identifier: EUPL-1.2
"""art4.4: the signed consent form is checked to be what it claims, kept encrypted, and read
back whole; a bad upload is a clear error on the field and writes nothing."""

from __future__ import annotations

import datetime
import hashlib

import pytest
from django.db import connection

from tests.conftest import make_employee, make_partner
from tests.consent.conftest import image_bytes, pdf_bytes, signed_pdf, signed_png
from zorgvuldig.consent import documents
from zorgvuldig.consent.documents import UploadedForm
from zorgvuldig.consent.models import ConsentDecision, ConsentDocument
from zorgvuldig.core import keys
from zorgvuldig.core.errors import InvalidInput, NotFound, ProcessingRefused
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord

PNG = image_bytes("PNG")
JPEG = image_bytes("JPEG")
PDF = pdf_bytes()


def record(actor, client_id, form: UploadedForm, state="given"):
    return services.record_consent(
        actor,
        client_id,
        scope="share",
        state=state,
        categories=["health"],
        decided_on=datetime.date(2024, 2, 1),
        purpose="support-provision",
        document=form,
    )


# The check itself (no database) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "kind", "content_type"),
    [
        (UploadedForm("formulier.pdf", "application/pdf", PDF), "pdf", "application/pdf"),
        (UploadedForm("scan.PNG", "image/png", PNG), "png", "image/png"),
        (UploadedForm("foto.jpeg", "image/jpeg", JPEG), "jpeg", "image/jpeg"),
        (UploadedForm("foto.jpg", "image/pjpeg", JPEG), "jpeg", "image/jpeg"),
        (UploadedForm("scan.pdf", "application/octet-stream", PDF), "pdf", "application/pdf"),
        (UploadedForm("C:\\Scans\\formulier.pdf", "", PDF), "pdf", "application/pdf"),
    ],
)
def test_art4_4_a_real_pdf_or_image_is_accepted(form, kind, content_type):
    checked = documents.check(form)
    assert (checked.kind, checked.content_type, checked.size) == (
        kind,
        content_type,
        len(form.content),
    )
    assert checked.sha256 == hashlib.sha256(form.content).hexdigest()
    assert "\\" not in checked.filename and "/" not in checked.filename


@pytest.mark.parametrize(
    ("form", "says"),
    [
        (UploadedForm("leeg.pdf", "application/pdf", b""), "leeg"),
        (
            UploadedForm("groot.pdf", "application/pdf", b"%PDF-" + b"0" * documents.MAX_BYTES),
            "hoogstens 10 MB",
        ),
        (UploadedForm("brief.txt", "text/plain", b"Hierbij geef ik toestemming."), "geen PDF"),
        (
            UploadedForm("brief.pdf", "application/pdf", b"Hierbij geef ik toestemming."),
            "de inhoud is geen PDF, PNG of JPEG",
        ),
        (
            UploadedForm("scan.pdf", "application/pdf", PNG),
            "opgegeven als een PDF-bestand, maar de inhoud is een PNG-afbeelding",
        ),
        (
            UploadedForm("scan.png", "image/png", JPEG),
            "opgegeven als een PNG-afbeelding, maar de inhoud is een JPEG-afbeelding",
        ),
        (UploadedForm("scan.pdf", "image/png", PDF), "niet wat het zegt te zijn"),
        (UploadedForm("scan.pdf", "text/html", PDF), "'text/html'"),
        (UploadedForm("", "application/pdf", PDF), "geen naam"),
        (
            UploadedForm("kapot.pdf", "application/pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50),
            "beschadigd of onleesbaar",
        ),
        (UploadedForm("kapot.png", "image/png", PNG[:40]), "beschadigd of onleesbaar"),
        (UploadedForm("kapot.jpg", "image/jpeg", JPEG[:30]), "beschadigd of onleesbaar"),
    ],
)
def test_art4_4_a_form_that_is_not_what_it_claims_is_a_clear_error_on_the_field(form, says):
    with pytest.raises(InvalidInput) as error:
        documents.check(form)
    assert set(error.value.errors) == {"form"}
    assert says in error.value.errors["form"]


def test_art4_4_a_pdf_without_pages_is_refused():
    import io

    from pypdf import PdfWriter

    buffer = io.BytesIO()
    PdfWriter().write(buffer)
    with pytest.raises(InvalidInput) as error:
        documents.check(UploadedForm("leeg.pdf", "application/pdf", buffer.getvalue()))
    assert "geen enkele pagina" in error.value.errors["form"]


def test_art4_4_an_image_too_large_to_open_safely_is_refused(monkeypatch):
    from PIL import Image

    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)
    with pytest.raises(InvalidInput) as error:
        documents.check(UploadedForm("scan.png", "image/png", PNG))
    assert "beeldpunten" in error.value.errors["form"]


def test_an_upload_over_the_limit_is_refused_before_it_is_read():
    class Huge:
        name, content_type, size = "scan.pdf", "application/pdf", documents.MAX_BYTES + 1

        def read(self, *args):  # pragma: no cover - must not be called
            raise AssertionError("read")

    with pytest.raises(InvalidInput) as error:
        documents.from_upload(Huge())
    assert "hoogstens 10 MB" in error.value.errors["form"]


# Through the gate ------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "form",
    [
        UploadedForm("leeg.pdf", "application/pdf", b""),
        UploadedForm("brief.txt", "text/plain", b"toestemming"),
        UploadedForm("scan.pdf", "application/pdf", PNG),
    ],
)
def test_art4_4_a_bad_form_writes_nothing_not_even_the_decision(actor, informed, form):
    counts = (
        ConsentDecision.objects.count(),
        ConsentDocument.objects.count(),
        LogRecord.objects.count(),
    )
    with pytest.raises(InvalidInput) as error:
        record(actor, informed.id, form)
    assert "form" in error.value.errors
    assert counts == (
        ConsentDecision.objects.count(),
        ConsentDocument.objects.count(),
        LogRecord.objects.count(),
    )


@pytest.mark.django_db
def test_art4_4_the_form_is_kept_in_the_dossier_also_when_consent_is_refused(actor, informed):
    view = record(actor, informed.id, signed_png("weigering.png"), state="refused")
    assert view.state == "refused" and view.written
    assert view.document.filename == "weigering.png"
    (listed,) = services.consent_overview(actor, informed.id, purpose="assessment").documents
    assert listed == view.document
    stored = services.consent_document(actor, view.document.id, purpose="assessment")
    assert (stored.content, stored.content_type, stored.filename) == (
        PNG,
        "image/png",
        "weigering.png",
    )
    assert LogRecord.objects.filter(name="toestemmingsformulier-raadplegen").exists()


@pytest.mark.django_db
def test_art3_2b_the_signed_form_and_its_name_are_encrypted_at_rest(actor, informed):
    form = signed_pdf("toestemming-fatma-yilmaz.pdf")
    view = record(actor, informed.id, form)
    with connection.cursor() as cursor:
        cursor.execute("SELECT content, filename FROM consent_consentdocument")
        content, filename = cursor.fetchone()
    raw = bytes(content)
    assert not raw.startswith(b"%PDF") and b"%PDF" not in raw
    # sealed with the key of the client's dossier at the partner (decision 0016)
    owner = keys.dossier_owner(informed.id, actor.partner_id)
    assert raw.startswith(b"d:" + owner.hex.encode() + b":")
    assert "yilmaz" not in filename and filename.startswith(f"d:{owner.hex}:")
    assert ConsentDocument.objects.get(id=view.document.id).content == form.content


@pytest.mark.django_db
def test_art6_1_another_partner_does_not_reach_the_form(actor, informed):
    view = record(actor, informed.id, signed_pdf())
    stranger = actor_for(make_employee(make_partner("Wijkteam Zeist"), "dirk"))
    with pytest.raises(NotFound):
        services.consent_document(stranger, view.document.id, purpose="assessment")
    with pytest.raises(NotFound):
        services.consent_document(actor, "not-a-uuid", purpose="assessment")


@pytest.mark.django_db
def test_art3_2c_a_colleague_not_assigned_is_refused_the_form(actor, partner, informed):
    view = record(actor, informed.id, signed_pdf())
    colleague = actor_for(make_employee(partner, "bram"))
    with pytest.raises(ProcessingRefused):
        services.consent_document(colleague, view.document.id, purpose="assessment")
    assert LogRecord.objects.filter(
        name="toestemmingsformulier-raadplegen", decision="refused"
    ).exists()


@pytest.mark.django_db
def test_the_overview_lists_forms_without_reading_their_content(actor, informed, monkeypatch):
    view = record(actor, informed.id, signed_pdf())
    calls = []
    real = keys.decrypt_bytes
    monkeypatch.setattr(keys, "decrypt_bytes", lambda *a: calls.append(a) or real(*a))
    overview = services.consent_overview(actor, informed.id, purpose="assessment")
    assert overview.documents[0].id == view.document.id
    assert overview.history[0].document.id == view.document.id
    assert calls == []
    services.consent_document(actor, view.document.id, purpose="assessment")
    assert len(calls) == 1
