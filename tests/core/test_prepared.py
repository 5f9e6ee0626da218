# SPDX-License-Identifier: EUPL-1.2
"""PreparedQuery: a queryset compiled once answers as the ORM does, for other ids too."""

from __future__ import annotations

import uuid

import pytest

from tests.conftest import make_partner
from zorgvuldig.core.prepared import PreparedQuery
from zorgvuldig.exchange.models import NonPartner, NonPartnerKind
from zorgvuldig.partners.models import Partner

pytestmark = pytest.mark.django_db

FIELDS = ("id", "name", "kind", "partner_id", "partner__name", "created_at")


def non_partner(partner, name):
    return NonPartner.objects.create(partner=partner, name=name, kind=NonPartnerKind.FAMILY)


def test_rows_are_the_orms_with_ids_uuids_datetimes_and_decrypted_text():
    partner = make_partner("Buurtteam Doorn")
    grandmother, neighbour = non_partner(partner, "Oma Jansen"), non_partner(partner, "Buurman")
    query = PreparedQuery(lambda i: NonPartner.objects.filter(id=i).values_list(*FIELDS))
    for one in (grandmother, neighbour, grandmother):  # compiled once, asked again
        expected = list(NonPartner.objects.filter(id=one.id).values_list(*FIELDS))
        assert query.rows(one.id) == expected
        assert query.rows(str(one.id)) == expected  # an id as text is an id too
    (row,) = query.rows(neighbour.id)
    assert isinstance(row[0], uuid.UUID) and row[1] == "Buurman"  # decrypted
    assert row[-1].tzinfo is not None


def test_a_list_of_ids_is_compiled_once_per_length():
    partners = [make_partner(f"Partner {n}") for n in range(3)]
    built = []

    def build(ids):
        built.append(len(ids))
        return Partner.objects.filter(id__in=ids).order_by("name").values_list("name")

    query = PreparedQuery(build)
    ids = [p.id for p in partners]
    assert query.rows(ids[:2]) == [("Partner 0",), ("Partner 1",)]
    assert query.rows(ids[1:]) == [("Partner 1",), ("Partner 2",)]
    assert query.rows(ids) == [("Partner 0",), ("Partner 1",), ("Partner 2",)]
    assert query.rows([uuid.uuid4()]) == []
    assert built == [2, 3, 1]


def test_what_is_not_an_id_is_a_value_error_before_any_query(django_assert_num_queries):
    query = PreparedQuery(lambda i: Partner.objects.filter(id=i).values_list("id"))
    with django_assert_num_queries(0), pytest.raises(ValueError):
        query.rows("not-an-id")


def test_a_query_that_does_not_use_its_id_is_refused():
    query = PreparedQuery(lambda i: Partner.objects.values_list("id"))
    with pytest.raises(ValueError, match="every id"):
        query.rows(uuid.uuid4())
