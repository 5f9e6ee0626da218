# SPDX-License-Identifier: EUPL-1.2
"""Clients: registered, found, their dossier consulted, their trajectories and relations
(art1, art2)."""

from zorgvuldig.gate.services.clients.consult import consult_dossier
from zorgvuldig.gate.services.clients.registration import register_client
from zorgvuldig.gate.services.clients.relations import add_relation, list_relations
from zorgvuldig.gate.services.clients.search import search_clients
from zorgvuldig.gate.services.clients.trajectories import (
    assign_caseworker,
    close_trajectory,
    list_trajectories,
)

__all__ = [
    "add_relation",
    "assign_caseworker",
    "close_trajectory",
    "consult_dossier",
    "list_relations",
    "list_trajectories",
    "register_client",
    "search_clients",
]
