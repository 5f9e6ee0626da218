# SPDX-License-Identifier: EUPL-1.2
"""IT staff add a webhook subscription in the admin: the URL is checked, the secret shown once."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from tests.conftest import make_partner, sign_in
from zorgvuldig.webhooks.models import Subscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def it_staff(client):
    user = get_user_model().objects.create_superuser("beheer", password="beheer-wachtwoord-1")
    sign_in(client, user)
    return client


def test_the_admin_checks_the_url_and_shows_the_secret_once(it_staff):
    partner = make_partner("Jeugdhulp Elders")
    add = "/beheer/webhooks/subscription/add/"
    refused = it_staff.post(add, {"partner": partner.id, "url": "http://zaak.example/h"})
    assert refused.status_code == 200 and "https" in refused.content.decode()
    assert not Subscription.objects.exists()
    fields = {"partner": partner.id, "url": "https://zaak.example/h", "is_active": "on"}
    made = it_staff.post(add, fields, follow=True)
    subscription = Subscription.objects.get()
    assert subscription.url == "https://zaak.example/h"
    assert subscription.secret in made.content.decode()
    assert (
        subscription.secret
        not in it_staff.get(
            f"/beheer/webhooks/subscription/{subscription.pk}/change/"
        ).content.decode()
    )
