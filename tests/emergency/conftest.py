# SPDX-License-Identifier: EUPL-1.2
"""Breaking the glass (art3.2c; decision 23): Anna supports Sanne; her colleague Bram does not;
Pim is their privacy officer (with an e-mail address), Femke their data protection officer."""

from __future__ import annotations

import pytest
from django_tasks_db.models import DBTaskResult

from tests.conftest import app_code, make_employee
from zorgvuldig.clients.models import EmergencyAccess
from zorgvuldig.gate import services
from zorgvuldig.gate.services.emergency import notify
from zorgvuldig.partners.models import Role
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord

MAIL_TASK = "zorgvuldig.gate.services.emergency.notify.mail_emergency_access"


@pytest.fixture
def colleague(partner):
    return make_employee(partner, "bram")


@pytest.fixture
def bram(colleague):
    return actor_for(colleague)


@pytest.fixture
def officer(partner):
    pim = make_employee(partner, "pim", role=Role.PRIVACY_OFFICER)
    pim.user.email = "pim@jeugd.example"
    pim.user.save()
    return actor_for(pim)


@pytest.fixture
def fg(partner):
    return actor_for(make_employee(partner, "femke", role=Role.DATA_PROTECTION_OFFICER))


def written() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in (EmergencyAccess, LogRecord, DBTaskResult)}


def break_glass(actor, client, username="bram", **overrides):
    given = {
        "reason": "caseworker-unreachable",
        "explanation": "Sanne belt in paniek; Anna is met verlof.",
        "code": app_code(username),
    }
    return services.break_glass(actor, client.id, **(given | overrides))


def run_mail_tasks() -> list[str]:
    done = []
    for row in DBTaskResult.objects.filter(task_path=MAIL_TASK).order_by("enqueued_at"):
        done.append(notify.mail_emergency_access.call(*row.args_kwargs["args"]))
        row.delete()
    return done
