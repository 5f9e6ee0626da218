# SPDX-License-Identifier: EUPL-1.2
"""Fixtures shared by the whole suite: a small region built through the real code paths."""

from __future__ import annotations

import datetime
import functools
import hashlib
import itertools
import logging
import shutil

import django_otp
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core import mail
from django.http import HttpRequest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult
from hypothesis import settings as hypothesis_settings
from playwright.sync_api import sync_playwright

from zorgvuldig.gate import services
from zorgvuldig.partners.models import Employee, Partner, PartnerKind, ProtocolCommitment, Role
from zorgvuldig.partners.services import acknowledge, actor_for

# No property test has a time limit per example: on a shared machine a limit fails by the
# load, not by the code (timed assertions are not written here, hypothesis's deadline is one).
hypothesis_settings.register_profile("zorgvuldig", deadline=None)
hypothesis_settings.load_profile("zorgvuldig")

# the API client and its helpers (tests.apiclient) serve the API tests of every area
pytest_plugins = ["tests.apiclient"]

PROTOCOL_VERSION = "regio-utrecht-zuidoost-2015"
_bsns = itertools.count()


def next_bsn() -> str:
    """A fresh BSN that passes the elfproef."""
    from stdnum.nl import bsn

    while True:
        candidate = f"{900000000 + next(_bsns) * 7:09d}"
        if bsn.is_valid(candidate):
            return candidate


def make_partner(name: str, committed: bool = True, kind=PartnerKind.PRIVATE) -> Partner:
    partner = Partner.objects.create(name=name, kind=kind)
    if committed:
        ProtocolCommitment.objects.create(
            partner=partner, protocol_version=PROTOCOL_VERSION, starts_on=datetime.date(2015, 1, 1)
        )
    return partner


@functools.cache
def argon2_hash(password: str) -> str:
    """The password's hash by the configured hasher (Argon2, art3.2b), made once per password
    for the whole run: a real Argon2 hash, checked at sign-in as any, without the 0.1 s of
    hashing it again for each of the thousands of employees the tests make (they then share
    a salt, which no test depends on)."""
    return make_password(password)


def make_employee(
    partner: Partner,
    username: str,
    *,
    acknowledged: bool = True,
    role=Role.CASEWORKER,
    password: str = "correct-horse-battery",
    authenticator: bool = True,
) -> Employee:
    """An employee with a login; with ``authenticator`` (the default) their app is set up: a
    confirmed TOTP device with the key :func:`app_key` (art3.2b)."""
    user = get_user_model().objects.create(
        username=username,
        password=argon2_hash(password),
        first_name=username.capitalize(),
        last_name="Test",
    )
    employee = Employee.objects.create(user=user, partner=partner, role=role)
    if acknowledged and partner.commitments.exists():
        acknowledge(employee)
    if authenticator:
        app_of(user)
    return employee


# --- e-mail sent by the task worker -------------------------------------------------------


def run_tasks(task) -> list[str]:
    """What the worker does with the runs of ``task`` waiting in the database backend: run
    each once, oldest first (a retry enqueued meanwhile waits for its time)."""
    done = []
    for row in DBTaskResult.objects.filter(task_path=task.module_path).order_by("enqueued_at"):
        done.append(task.call(*row.args_kwargs["args"]))
        row.delete()
    return done


def mails_to() -> dict[str, mail.EmailMessage]:
    """The e-mails sent, by their (first) addressee."""
    return {m.to[0]: m for m in mail.outbox}


# --- the second factor (art3.2b) --------------------------------------------------------


def app_key(username: str) -> str:
    """The key (hex) of a test user's authenticator app: fixed per username, so that a test
    can compute the code without the database (a browser test cannot reach it)."""
    return hashlib.sha1(f"zorgvuldig-test:{username}".encode()).hexdigest()  # noqa: S324


def app_of(user) -> TOTPDevice:
    """The user's confirmed authenticator app (a real django-otp TOTP device), set up now if
    they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name="Authenticator-app", key=app_key(user.username), confirmed=True
        )
    return device


def app_code(username: str, *, steps_ahead: int = 0) -> str:
    """The code the user's app shows now (or ``steps_ahead`` periods of 30 s later, which the
    device accepts too: a code is used only once)."""
    key = bytes.fromhex(app_key(username))
    return f"{totp(key, drift=steps_ahead):06d}"


def sign_in(client, user):
    """A verified session of ``user`` in the Django test client: logged in, and through the
    second factor with their app (django_otp.login, as the code page does after a right code).

    Pages with personal data need this (art3.2b); ``client.force_login`` alone gets the
    second step. The code page itself is tested with real codes (tests/web/test_sign_in.py).
    """
    client.force_login(user)
    request = HttpRequest()
    request.session = client.session
    request.user = user
    django_otp.login(request, app_of(user))
    request.session.save()
    return client


@pytest.fixture(autouse=True)
def _plain_static_files(settings, tmp_path_factory):
    """Tests serve static files from the apps, not from a collected manifest (collectstatic is
    a deployment step, not a test step)."""
    settings.STATIC_ROOT = tmp_path_factory.getbasetemp() / "static"
    settings.STATIC_ROOT.mkdir(exist_ok=True)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True


class _Lines(logging.Handler):
    """The records a logger writes, as text."""

    def __init__(self):
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(record.getMessage())


@pytest.fixture
def signin_log():
    """What the sign-in's logger (``zorgvuldig.signin``) writes during the test, as lines."""
    handler = _Lines()
    logger = logging.getLogger("zorgvuldig.signin")
    logger.addHandler(handler)
    yield handler.lines
    logger.removeHandler(handler)


@pytest.fixture
def partner(db) -> Partner:
    return make_partner("Jeugdteam Heuvelrug")


@pytest.fixture
def caseworker(partner) -> Employee:
    return make_employee(partner, "anna")


@pytest.fixture
def actor(caseworker):
    return actor_for(caseworker)


@pytest.fixture
def web(client, caseworker):
    """The Django test client, signed in as ``caseworker`` (who acknowledged the protocol)
    with both factors (art3.2b)."""
    return sign_in(client, caseworker.user)


@pytest.fixture
def registered_client(actor):
    """A client just taken in: a youth trajectory at ``partner``, ``caseworker`` assigned;
    not yet informed (art4.1), no consent asked (art4.2)."""
    return services.register_client(
        actor,
        bsn=next_bsn(),
        given_names="Sanne",
        surname="de Vries",
        birth_date=datetime.date(2012, 5, 17),
        domain="jeugd",
        legal_basis="jeugdwet",
        purpose="intake",
    )


def inform_and_consent(
    actor, client_id, *, representative_id=None, scopes=("record-request",), legal_basis=None
):
    """What a caseworker does at intake: inform the client (art4.1), record consent (art4.2)."""
    today = timezone.localdate()
    services.record_informing(
        actor,
        client_id,
        organisations=["Jeugdteam Heuvelrug"],
        informed_on=today,
        how="conversation",
        purpose="intake",
        legal_basis=legal_basis,
    )
    for scope in scopes:
        services.record_consent(
            actor,
            client_id,
            scope=scope,
            state="given",
            decided_on=today,
            purpose="intake",
            given_by_subject_id=representative_id,
            signed_by_subject_ids=signing_along(client_id) if representative_id else (),
            legal_basis=legal_basis,
        )


def name_in_consent(actor, client_id, *recipients, purpose="support-provision", minor=True):
    """Consent to share with these recipients (partners or non-partners: art4.3, art7), given
    by the client's legal representative (``minor``, as the fixtures' Sanne) or the client."""
    services.record_consent(
        actor,
        client_id,
        scope="share",
        state="given",
        decided_on=timezone.localdate(),
        purpose=purpose,
        given_by_subject_id=representative_of(client_id) if minor else None,
        signed_by_subject_ids=signing_along(client_id) if minor else (),
        recipients=[str(r) for r in recipients],
    )


def signing_along(client_id) -> list:
    """The client as co-signer: from 12 up to and including 15 (the fixtures' Sanne is 14) the
    representative and the client sign together (art10.1)."""
    from zorgvuldig.clients.models import Client

    return [Client.objects.values_list("subject_id", flat=True).get(id=client_id)]


def representative_of(client_id):
    """The subject id of the client's legal representative (art10.1)."""
    from zorgvuldig.clients.models import Relation

    return Relation.objects.get(
        subject__client__id=client_id, kind="legal-representative"
    ).related_id


@pytest.fixture
def client_dossier(actor, registered_client):
    """``registered_client`` with her mother as legal representative, informed, and with
    consent to record and request given by the mother (Sanne is under 16, art10.1)."""
    mother = services.add_relation(
        actor,
        registered_client.id,
        kind="legal-representative",
        bsn=next_bsn(),
        given_names="Marieke",
        surname="de Vries",
        birth_date=datetime.date(1984, 9, 2),
        purpose="intake",
    )
    inform_and_consent(actor, registered_client.id, representative_id=mother.related.id)
    return registered_client


def supporting(partner, client, username, *, consent=True):
    """An employee of ``partner`` supporting the fixtures' ``client`` Sanne (youth care), with
    consent to record there when ``consent``."""
    other = actor_for(make_employee(partner, username))
    services.register_client(
        other,
        bsn=client.subject.bsn,
        given_names="Sanne",
        surname="de Vries",
        birth_date=client.subject.birth_date,
        domain="jeugd",
        legal_basis="jeugdwet",
    )
    if consent:
        inform_and_consent(other, client.id, representative_id=representative_of(client.id))
    return other


# --- browser tests ---------------------------------------------------------------------

CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def browser_page(live_server):
    """A chromium page. Request it after the fixtures that write to the database: Playwright's
    sync API runs an event loop in this thread, in which Django refuses database calls."""
    if CHROMIUM is None:
        pytest.fail("no chromium here: `make test` installs it (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        context.close()
        browser.close()
