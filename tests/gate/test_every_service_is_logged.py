# SPDX-License-Identifier: EUPL-1.2
"""Every public service of the gate logs what it does with personal data (DESIGN: the one gate;
art3.2c, art8.1: the processing log answers for every processing).

A service in ``zorgvuldig.gate.services.__all__`` either reaches one of the kernel's logging
entry points (``process``, ``process_required``, ``process_required_in_parts``,
``log_refused_attempt``), found by following its calls through the service modules, or
stands in ``PROCESSES_NO_PERSONAL_DATA`` with the reason. A new service with neither fails
here; calling the services shows the records.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
import types

import pytest

from zorgvuldig.gate import processing, services

LOGGING = {
    processing.process,
    processing.process_required,
    processing.process_required_in_parts,
    processing.log_refused_attempt,
}

#: Public services that write no log record, each with the reason it processes no personal data.
PROCESSES_NO_PERSONAL_DATA: dict[str, str] = {
    "request_counts": "counts per month, kind and outcome of the partner's requests, for its "
    "privacy officer only, who may see each of them anyway: numbers leave the gate, no request, "
    "reference or name; a record per subject counted would tell each that their data was "
    "processed for them, which it is not (decision 15)",
    "retention_plan": "counts per partner, domain, rule and year of the dossiers that become "
    "due (art5.2), for the records manager: numbers leave the gate, no client; the destruction "
    "list drawn from it is logged per client (decision 17)",
    "anonymised_statistics": "counts of people whose destroyed data is kept anonymised, by "
    "category, domain, year and age band, small cells suppressed (art5.2): no one's data",
    "destruction_lists": "a partner's destruction lists by number, state, day and the employees "
    "who acted, with counts: no client (decision 17)",
    "complete_review": "moves a destruction list on to its approver (the undecided entries to "
    "be destroyed): reads no client's data; each destruction is logged when the run carries it "
    "out, and each review of one dossier when it is made (decision 17)",
    "approve_list": "the privacy officer's approval of a destruction list, which starts its "
    "cooling-off: reads no client's data; each destruction is logged when carried out",
    "return_list": "sends a destruction list back to its author: reads no client's data",
    "resubmit_list": "sends a returned destruction list for review again: reads no client's data",
    "rotate_keys": "re-seals ciphertexts under the current master key (art3.2b): each value is "
    "read only to be sealed again, nothing is shown, changed or sent (decision 16)",
    "destruction_record": "the record of a carried-out destruction list: counts, codes and the "
    "employees who acted, no client (art5.2, decision 17)",
    "resident_by_bsn": "the resident's own sign-in with DigiD: the BSN index finds whether "
    "zorgvuldig knows them, their own name to say who is signed in; nothing of a dossier is read, "
    "and what the resident then sees is logged for them (decision 25)",
    "non_partner_keeper": "asks whether the actor's role and acknowledgement let them keep the "
    "partner's non-partners (art7, decision 28), before anything is read: reads no one's data",
    "resident_again": "the resident of a session again by the subject id it keeps, for their own "
    "name on the page: nothing of a dossier is read (decision 25)",
    "incident_register": "the incidents a privacy officer or the FG sees by number, partner, "
    "nature, times, clock, phase and counts: no client and no free text; opening one incident "
    "is logged for the clients it affected (decision 18)",
    "team_overview": "the team lead's overview: per employee with casework the number of open "
    "trajectories they are assigned to, and how many nobody carries; employees and numbers "
    "leave the gate, no client, reference or dossier; a record per client counted would tell "
    "each that their data was processed for them, which it is not (decision 22)",
}


def _unwrapped(function):
    return inspect.unwrap(function)


def _called(function) -> set[object]:
    """The objects ``function`` calls by a global name or a module's attribute."""
    source = textwrap.dedent(inspect.getsource(function))
    scope = function.__globals__
    found = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        target = node.func
        if isinstance(target, ast.Name) and target.id in scope:
            found.add(scope[target.id])
        elif (
            isinstance(target, ast.Attribute)
            and isinstance(target.value, ast.Name)
            and isinstance(scope.get(target.value.id), types.ModuleType)
        ):
            found.add(getattr(scope[target.value.id], target.attr, None))
    return found


def reaches_the_log(function, seen=None) -> bool:
    """Whether ``function`` calls a logging entry point of the kernel, itself or through the
    functions of the service modules it calls (or the methods of a service class it makes)."""
    seen = set() if seen is None else seen
    function = _unwrapped(function)
    if function in seen:
        return False
    seen.add(function)
    for called in _called(function):
        if called in LOGGING:
            return True
        if (
            inspect.isfunction(called)
            and called.__module__.startswith("zorgvuldig.gate.services")
            and reaches_the_log(called, seen)
        ):
            return True
        if (  # a helper class of the services (the incident's Handling): through its methods
            inspect.isclass(called)
            and called.__module__.startswith("zorgvuldig.gate.services")
            and any(
                reaches_the_log(method, seen)
                for name, method in vars(called).items()
                if inspect.isfunction(method) and not name.startswith("__")  # a dataclass's own
            )
        ):
            return True
    return False


@pytest.mark.parametrize("name", sorted(services.__all__))
def test_every_public_service_logs_or_says_why_not(name):
    service = getattr(services, name)
    if name in PROCESSES_NO_PERSONAL_DATA:
        assert not reaches_the_log(service), f"{name} logs: take it off the list"
        return
    assert reaches_the_log(service), (
        f"{name} writes no processing-log record: process it through the gate, or put it in "
        "PROCESSES_NO_PERSONAL_DATA with the reason"
    )


def test_the_check_finds_a_service_that_does_not_log():
    def reads_quietly(actor):
        return services.list_non_partners.__name__

    assert not reaches_the_log(reads_quietly)
    assert reaches_the_log(services.list_non_partners)
