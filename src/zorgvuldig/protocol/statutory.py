# SPDX-License-Identifier: EUPL-1.2
"""The shortest retention periods the law prescribes (art5.2: "unless the law prescribes a
longer period"). National law, not a region's choice: no protocol version may keep the same
records for less (:mod:`zorgvuldig.protocol.loader` refuses such a version).

Starting points as the catalogue gives them (docs/requirements.md, "Retention under the law");
a version states the periods it applies, with their sources, in its own ``retention.statutory``.
"""

from __future__ import annotations

from zorgvuldig.protocol.version import Counting, RetentionRule
from zorgvuldig.protocol.vocabulary import Category, LegalBasis, PartnerKind

PROVIDERS = frozenset({PartnerKind.PUBLIC, PartnerKind.PRIVATE, PartnerKind.INDEPENDENT})
MUNICIPALITY = frozenset({PartnerKind.MUNICIPALITY})

MINIMUMS: tuple[RetentionRule, ...] = (
    RetentionRule(
        code="jeugdwet-7.3.8",
        record="Dossier jeugdhulp van een jeugdhulpaanbieder",
        years=20,
        counting=Counting.FROM_END_DATE,
        source="Jeugdwet art. 7.3.8",
        partner_kinds=PROVIDERS,
        legal_bases=frozenset({LegalBasis.YOUTH_ACT}),
    ),
    RetentionRule(
        code="selectielijst-2020-8.1.2",
        record="Individuele voorziening jeugdhulp van de gemeente",
        years=20,
        counting=Counting.FROM_END_DATE,
        source="Selectielijst gemeenten en intergemeentelijke organen 2020, 8.1.2, 8.3.2, 3.1.4",
        partner_kinds=MUNICIPALITY,
        legal_bases=frozenset({LegalBasis.YOUTH_ACT}),
    ),
    RetentionRule(
        code="selectielijst-2020-8.1.1",
        record="Maatwerkvoorziening Wmo van de gemeente",
        years=15,
        counting=Counting.FROM_END_DATE,
        source="Selectielijst gemeenten en intergemeentelijke organen 2020, 8.1.1, 8.3.1, "
        "3.1.5 (Wmo 2015 art. 5.3.4)",
        partner_kinds=MUNICIPALITY,
        legal_bases=frozenset({LegalBasis.WMO_2015}),
    ),
    RetentionRule(
        code="selectielijst-2020-8.1",
        record="Uitkering van de gemeente",
        years=10,
        counting=Counting.FROM_END_DATE,
        source="Selectielijst gemeenten en intergemeentelijke organen 2020, 8.1",
        partner_kinds=MUNICIPALITY,
        legal_bases=frozenset({LegalBasis.PARTICIPATION_ACT}),
    ),
    RetentionRule(
        code="selectielijst-2020-19.1.1",
        record="Gegevens met financiële gevolgen bij de gemeente",
        years=7,
        counting=Counting.FROM_END_DATE,
        source="Selectielijst gemeenten en intergemeentelijke organen 2020, 19.1.1 (BW 2:10)",
        partner_kinds=MUNICIPALITY,
        categories=frozenset({Category.WORK_INCOME, Category.FINANCES}),
    ),
)
