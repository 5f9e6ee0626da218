# SPDX-License-Identifier: EUPL-1.2
"""Bodies of a request for data from another partner (pull) and its answer per category."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import Field

from zorgvuldig.api.schemas.base import (
    Justified,
    Out,
    PurposeField,
)
from zorgvuldig.api.schemas.items import DataItem
from zorgvuldig.protocol import Category, Purpose


class DataRequest(Justified):
    holder_partner_id: uuid.UUID = Field(description="De partner die de gegevens heeft")
    categories: list[Category] = Field(
        min_length=1, description="De categorieën die nodig zijn (art. 5 lid 1)"
    )
    purpose: Purpose = PurposeField


class RequestedCategory(Out):
    """What became of one requested category (art4.2-art4.4, art5.1, art6.2)."""

    category: Category
    status: Literal["sent", "partly-sent", "refused", "not-held"] = Field(
        description="sent (verstrekt), partly-sent (deels verstrekt: gegevens onder "
        "beroepsgeheim bleven achter, art. 6 lid 2), refused (geweigerd) of not-held (de partner "
        "heeft van deze soort geen gegevens; geen weigering)"
    )
    refused_by: Literal["requester", "holder", ""] = Field(
        description="Wie (een deel) weigerde: requester (uw eigen organisatie, bij het "
        "opvragen: art. 4 lid 2, art. 4 lid 4, art. 5 lid 1) of holder (de partner die de "
        "gegevens heeft, bij het verstrekken: art. 4 lid 3, art. 5 lid 1, art. 6 lid 2); leeg "
        "als niets geweigerd is"
    )
    items_received: int = Field(description="Hoeveel gegevens van deze soort binnenkwamen")
    items_withheld: int = Field(
        description="Bij partly-sent: hoeveel gegevens onder beroepsgeheim achterbleven; anders 0"
    )
    articles: list[str] = Field(description="De artikelen die de weigering dragen; leeg als niets")
    reason: str = Field(
        description="Waarom (een deel) geweigerd is en wat het wel toestaat, of waarom niets "
        "kwam; leeg als alles kwam"
    )


class DataRequestResult(Out):
    status: Literal["sent", "partly-sent", "nothing-sent"] = Field(
        description="sent (verstrekt: er kwam iets binnen en niets is geweigerd), partly-sent "
        "(deels verstrekt: er kwam iets binnen en iets is geweigerd) of nothing-sent (niets "
        "verstrekt)"
    )
    categories: list[RequestedCategory] = Field(
        description="Elke gevraagde categorie, in de volgorde van het verzoek"
    )
    received: list[DataItem] = Field(description="De gegevens die de partner mocht verstrekken")
    explanation: str = Field(
        description="De uitleg van de partner bij zijn beslissing: wat hij tegenhield en waarom "
        "(elke gevraagde categorie staat in `categories`)"
    )
    request_trace_id: str
    share_trace_id: str
