# SPDX-License-Identifier: EUPL-1.2
"""Fixtures of the consent tests: clients of both ages, a parent, and real signed forms."""

from __future__ import annotations

import datetime
import io

import pytest
from fpdf import FPDF
from PIL import Image

from tests.apiclient import Api, as_employee
from tests.conftest import next_bsn
from zorgvuldig.clients.models import Relation, Subject
from zorgvuldig.consent.documents import UploadedForm
from zorgvuldig.gate import services
from zorgvuldig.gate.services.clients.registration import bsn_index

ORGANISATIONS = ["Gemeente Utrechtse Heuvelrug", "Huisartsenpraktijk De Brink"]


def pdf_bytes(text: str = "Toestemmingsformulier, ondertekend") -> bytes:
    """A real one-page PDF, as a scanner or a PDF printer would make it."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, text)
    return bytes(pdf.output())


def image_bytes(image_format: str = "PNG") -> bytes:
    """A real image (a photo of a signed form)."""
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (250, 250, 245)).save(buffer, format=image_format)
    return buffer.getvalue()


def signed_pdf(name: str = "toestemming.pdf") -> UploadedForm:
    return UploadedForm(name, "application/pdf", pdf_bytes())


def signed_png(name: str = "toestemming.png") -> UploadedForm:
    return UploadedForm(name, "image/png", image_bytes("PNG"))


def relate(
    client_id, kind: str, given_names: str = "Marieke", birth_date=datetime.date(1984, 9, 2)
) -> Subject:
    """Record a person related to the client (set up directly: the subject of these tests is
    consent, not the recording of relations)."""
    from zorgvuldig.clients.models import Client

    bsn = next_bsn()
    related = Subject.objects.create(
        bsn=bsn,
        bsn_index=bsn_index(bsn),
        given_names=given_names,
        surname_prefix="de",
        surname="Vries",
        birth_date=birth_date,
    )
    client = Client.objects.select_related("subject").get(id=client_id)
    Relation.objects.create(subject=client.subject, related=related, kind=kind)
    return related


@pytest.fixture
def minor(registered_client):
    """Sanne (born 2012, under 16), just taken in: not informed, nothing asked, no relations."""
    return registered_client


@pytest.fixture
def parent(minor) -> Subject:
    return relate(minor.id, "parent")


@pytest.fixture
def adult(actor):
    """An adult client of the same caseworker, who decides for herself."""
    return services.register_client(
        actor,
        bsn=next_bsn(),
        given_names="Fatma",
        surname="Yılmaz",
        birth_date=datetime.date(1979, 11, 3),
        domain="zorg",
        legal_basis="wmo-2015",
        purpose="intake",
    )


@pytest.fixture
def informed(actor, adult):
    """The adult client, informed by the caseworker's partner (art4.1)."""
    services.record_informing(
        actor,
        adult.id,
        organisations=ORGANISATIONS,
        informed_on=datetime.date(2024, 2, 1),
        how="conversation",
        purpose="intake",
    )
    return adult


@pytest.fixture
def api(caseworker) -> Api:
    """The API as ``caseworker`` through an employee token."""
    return as_employee(caseworker)
