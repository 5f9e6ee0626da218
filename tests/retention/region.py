# SPDX-License-Identifier: EUPL-1.2
"""A partner with ``N`` dossiers whose support ended long ago and an approved destruction list
of them past its cooling-off: ``python -m tests.retention.region N`` builds it in the database
of ``DATABASE_URL``, through the gate, for the tests that run ``zorgvuldig retention run`` in
a process of its own (and kill it)."""

from __future__ import annotations

import datetime
import sys

import django


def build(clients: int) -> None:
    from django.utils import timezone

    from tests import factories
    from tests.conftest import inform_and_consent, make_employee, make_partner, next_bsn
    from tests.retention.conftest import end_support
    from zorgvuldig.gate import services
    from zorgvuldig.partners.models import Role
    from zorgvuldig.partners.services import actor_for
    from zorgvuldig.retention.models import DestructionList

    partner = make_partner("Jeugdteam Heuvelrug")
    author = actor_for(make_employee(partner, "anna"))
    reviewer = actor_for(make_employee(partner, "rob"))
    officer = actor_for(make_employee(partner, "petra", role=Role.PRIVACY_OFFICER))
    for n in range(clients):
        client = services.register_client(
            author,
            bsn=next_bsn(),
            given_names=f"Kind {n}",
            surname="Heuvel",
            birth_date=datetime.date(1990, 1, 1) + datetime.timedelta(days=n),
            domain="jeugd",
            legal_basis="jeugdwet",
            purpose="intake",
        )
        inform_and_consent(author, client.id)
        factories.record(author, client.id, "youth", f"Verslag {n}")
        end_support(client)
    drawn = services.draft_destruction_list(author, due_by=timezone.localdate())
    services.complete_review(reviewer, drawn.id, destroy_rest=True)
    services.approve_list(officer, drawn.id)
    DestructionList.objects.update(cooling_off_until=timezone.now() - datetime.timedelta(days=1))


if __name__ == "__main__":
    django.setup()
    build(int(sys.argv[1]))
