# SPDX-License-Identifier: EUPL-1.2
"""Benchmark of decide() against the same rules written for Cedar (``cedarpy``).

Requirement (issue 3, Speed): "A benchmark (not a test) measures decide() on a realistic mix of
requests and, side by side in the same run, the same rules written for the Cedar engine
(``cedarpy``) on the same requests, checking that both give the same answers. Goal: decide() at
a median of at most 10 µs per decision on one core, at least four times faster than Cedar
including its data conversion."

    python bench/bench_decide.py              # measure, print, write docs/benchmarks.md
    python bench/bench_decide.py --no-write   # print only
    python bench/bench_decide.py --profile    # also profile decide() over the mix (cProfile)

Before anything is timed, both engines decide every request of the mix and ``--corners``
random request/fact pairs that ignore realism (the corners of the rules), Cedar validating
entities and requests against the schema; any category on which they disagree is printed and
the run fails.

Timing runs on one core (the process is pinned to it) with garbage collection off. Every run
times each path in a pass of its own over the requests, in a fresh order, ``--inner`` calls
per request; the first run warms up. A request's time is the median over ``--repeat`` runs;
the table gives the median and the 95th percentile over the requests, in µs per decision (one
decision: all categories of one request). Cedar's path is what a gate would run: convert
Request and Facts (``to_cedar``), add the request's entities to the parsed store
(``Entities.with_added_json_str``) and one ``cedarpy.is_authorized_batch`` call for all
categories, with the parsed ``PolicySet``; requests are not validated against the schema
while timed (that makes Cedar slower still).

The mix is made by :mod:`decide_mix`; the Cedar policies and the translation are in
:mod:`cedar_translation`.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import gc
import io
import json
import os
import pstats
import random
import statistics
import sys
import time
from dataclasses import replace
from importlib.metadata import version as package_version

import cedarpy
from benchdb import DOCS, ROOT, machine, write_section
from cedar_translation import Cedar, to_cedar
from decide_mix import describe, for_the_recipient, for_the_recipient_text, make_mix, random_pair

from zorgvuldig.protocol import (
    Operation,
    RecipientKind,
    decide,
)
from zorgvuldig.protocol.loader import load_all

START, END = "<!-- bench_decide:start -->", "<!-- bench_decide:end -->"


AFTER = "<!-- bench_log:end -->"


GOAL_MEDIAN_US, GOAL_RATIO = 10.0, 4.0


def check_agreement(pairs, cedar: Cedar, label: str) -> list:
    """Both engines on every pair, Cedar validating against the schema; fail on a difference."""
    decisions, mismatches = [], []
    for index, (request, facts) in enumerate(pairs):
        decision = decide(request, facts)
        decisions.append(decision)
        results = cedar.decide(request, facts, validate=True)
        for outcome, result in zip(decision.outcomes, results, strict=True):
            if result.diagnostics.errors:
                raise SystemExit(f"Cedar errors on {label} {index}: {result.diagnostics.errors}")
            if outcome.allowed != result.allowed:
                mismatches.append((index, request, facts, outcome, result))
    for index, request, facts, outcome, result in mismatches[:20]:
        print(
            f"MISMATCH {label} {index}, category {outcome.category}: decide() "
            f"{'allows' if outcome.allowed else 'refuses'} ({', '.join(outcome.articles)}), "
            f"Cedar {result.decision.value} "
            f"({', '.join(result.diagnostics.id_annotations_by_reason.values())})\n"
            f"  {request}\n  {replace(facts, version=None)}\n  version "
            f"{getattr(facts.version, 'id', None)}",
            file=sys.stderr,
        )
    if mismatches:
        raise SystemExit(
            f"FAILED: decide() and Cedar disagree on {len(mismatches)} categories of the {label}"
        )
    print(
        f"The {label}: both engines agree on all {len(pairs):,} requests, "
        f"{sum(len(d.outcomes) for d in decisions):,} categories.",
        file=sys.stderr,
    )
    return decisions


def pin_to_one_core() -> int | None:
    try:
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return core
    except (AttributeError, OSError):
        return None


def measure(mix, cedar: Cedar, repeat: int, inner: int, seed: int) -> dict:
    """Per path and request, the median over ``repeat`` runs of the µs per call.

    Every run times each path in a pass of its own over the requests (in a fresh order, the
    paths in turn first), so that one engine does not evict the other from the CPU caches
    between two requests.
    """
    prepared = [to_cedar(r, f) for r, f in mix]

    def cedar_engine(index):
        delta, requests = prepared[index]
        entities = cedar.entities.with_added_json_str(delta)
        return [r.allowed for r in cedarpy.is_authorized_batch(requests, cedar.policies, entities)]

    paths = {
        "decide": lambda i: decide(*mix[i]),
        "cedar": lambda i: [r.allowed for r in cedar.decide(*mix[i])],
        "cedar_conversion": lambda i: to_cedar(*mix[i]),
        "cedar_engine": cedar_engine,
    }
    names = list(paths)
    samples = {name: [[] for _ in mix] for name in paths}
    rng = random.Random(seed)
    order = list(range(len(mix)))
    clock = time.perf_counter_ns
    gc.collect()
    gc.disable()
    try:
        for run in range(repeat + 1):  # the first run warms up
            rng.shuffle(order)
            for name in names[run % len(names) :] + names[: run % len(names)]:
                call, times = paths[name], samples[name]
                for i in order:
                    start = clock()
                    for _ in range(inner):
                        call(i)
                    elapsed = clock() - start
                    if run:
                        times[i].append(elapsed / inner / 1000)
    finally:
        gc.enable()
    result = {}
    for name, per_request in samples.items():
        medians = [statistics.median(s) for s in per_request]
        times = sorted(medians)
        by_count: dict[int, list[float]] = {}
        for (request, _), t in zip(mix, medians, strict=True):
            by_count.setdefault(len(request.categories), []).append(t)
        result[name] = {
            "median": statistics.median(times),
            "p95": times[min(len(times) - 1, round(0.95 * len(times)) - 1)],
            "mean": statistics.fmean(times),
            "median_by_categories": {
                str(n): statistics.median(ts) for n, ts in sorted(by_count.items())
            },
        }
    return result


def profile(mix) -> str:
    """Where decide() spends its time over the mix (cProfile, 20 passes)."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(20):
        for request, facts in mix:
            decide(request, facts)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(15)
    return out.getvalue()


def table(data: dict) -> str:
    t, mix = data["timing"], data["mix"]
    ratio = data["ratio"]
    rows = [
        ("decide()", t["decide"], f"goal: median ≤ {GOAL_MEDIAN_US:g} µs"),
        ("Cedar, all in", t["cedar"], f"{ratio:.1f} × decide() (goal ≥ {GOAL_RATIO:g})"),
        ("– conversion of Request and Facts to JSON", t["cedar_conversion"], "measured apart"),
        ("– `with_added_json_str` + `is_authorized_batch`", t["cedar_engine"], "measured apart"),
    ]
    lines = [
        "| µs per decision (all categories of a request) | median | p95 | mean | |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for label, n, note in rows:
        lines.append(f"| {label} | {n['median']:.1f} | {n['p95']:.1f} | {n['mean']:.1f} | {note} |")
    per_category = mix["categories"] / mix["requests"]
    verdict = (
        f"decide() median {t['decide']['median']:.1f} µs: "
        f"{'within' if t['decide']['median'] <= GOAL_MEDIAN_US else 'OVER'} the goal of "
        f"{GOAL_MEDIAN_US:g} µs; Cedar / decide() = {ratio:.1f} (medians): "
        f"{'meets' if ratio >= GOAL_RATIO else 'MISSES'} the goal of {GOAL_RATIO:g}."
    )
    versions = ", ".join(f"{v} {n:,}" for v, n in mix["versions"].items())

    def by_count(name):
        return ", ".join(f"{n}: {m:.1f}" for n, m in t[name]["median_by_categories"].items())

    details = [
        verdict,
        f"Median µs by the number of categories in the request, decide(): "
        f"{by_count('decide')}; Cedar: {by_count('cedar')}.",
        f"Mix: {mix['requests']:,} distinct request/fact pairs (seed {data['seed']}; "
        f"{versions}), {mix['categories']:,} categories ({per_category:.1f} per request): "
        f"{mix['allowed']:,} allowed, {mix['partial']:,} partly, {mix['refused']:,} refused, "
        f"{mix['art4_6']:,} on art4.6; {mix['non_partner']:,} shares with a non-partner "
        f"({mix['art7']:,} refused on art7), {mix['veilig_thuis']:,} with Veilig Thuis "
        f"({mix['art8_2']:,} decided on art8.2); {mix['blocked']:,} with blocked items "
        f"({mix['art9_4']:,} decided on art9.4); {for_the_recipient_text(mix)}.",
        f"Cedar and decide() agree on every category, of the mix and of "
        f"{data['corners']:,} random request/fact pairs ({data['corner_categories']:,} "
        f"categories; {data.get('corner_kinds', '')}).",
        f"Median over requests of each request's median of {data['repeat']} runs × "
        f"{data['inner']} calls, after a warm-up run; garbage collection off; measured "
        f"{data['measured']} on {data['machine']}.",
    ]
    return "\n".join(lines) + "\n\n" + "\n".join(f"- {line}" for line in details)


def section(data: dict) -> str:
    return "\n".join(
        [
            START,
            "## Protocol rules (`bench/bench_decide.py`)",
            "",
            "decide() against the same rules written for Cedar (`bench/cedar/zorgvuldig.cedar`), "
            "side by side in one run on one core, on a seeded mix of requests: routine consults "
            "and records by assigned caseworkers with consent, shares with and without written "
            "consent for health, refused and withdrawn consents, art4.6 justifications, "
            "unassigned actors, missing purposes, unacknowledged employees, categories beyond the "
            "matrix, professional secrecy on shares, shares with non-partners informed or not "
            "and named in the consent or not (art7, art4.3) and with Veilig Thuis about a report "
            "(art8.2, its categories from the protocol version); blocked items (art9.4, Veilig "
            "Thuis excepted); shares with partners decided for "
            "the recipient: its own support of the client, referrals to a domain, partners that do "
            "not support the client (art5.1); safety and integrated support with and without their "
            "ground; intake consults on a referral (art3.2c); both protocol versions. Before "
            "timing, both engines decide every request and must agree on every category.",
            "",
            "Cedar gets one authorization request per category. Its time includes converting "
            "the Request and Facts to JSON (the employee and the client's dossier as entities, "
            "the request as one context shared by the categories, with the necessity sets of "
            "sender and recipient), adding those entities to the store parsed once at start "
            "(categories, protocol versions with their purpose grounds) and one "
            "`cedarpy.is_authorized_batch` call for all categories with the parsed `PolicySet`; "
            "requests are not validated against the schema while timed. Each engine is timed in "
            "passes of its own, so that neither evicts the other from the CPU caches.",
            "",
            table(data),
            "",
            f"<!-- bench_decide:data {json.dumps(data, sort_keys=True)} -->",
            END,
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2_000, help="distinct request/fact pairs")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=7, help="timed runs over the mix")
    parser.add_argument("--inner", type=int, default=5, help="calls per request and run")
    parser.add_argument(
        "--corners",
        type=int,
        default=20_000,
        help="random request/fact pairs, checked for agreement, not timed",
    )
    parser.add_argument("--profile", action="store_true", help="profile decide() (cProfile)")
    parser.add_argument("--no-write", action="store_true", help="leave docs/benchmarks.md alone")
    args = parser.parse_args()

    core = pin_to_one_core()
    cedar = Cedar()
    mix = make_mix(args.requests, args.seed)
    print(
        f"Checking {len(mix):,} requests and {args.corners:,} corner cases on both engines ...",
        file=sys.stderr,
    )
    decisions = check_agreement(mix, cedar, "mix")
    rng, versions = random.Random(args.seed), list(load_all().values())
    corners = [random_pair(rng, versions) for _ in range(args.corners)]
    corner_decisions = check_agreement(corners, cedar, "corners")
    shares = [r for r, _ in corners if r.operation is Operation.SHARE]
    kinds = ", ".join(
        f"{sum(r.recipient_kind is k for r in shares):,} to {k}" for k in RecipientKind
    )
    corner_kinds = (
        f"{len(shares):,} shares: {kinds}; "
        f"{sum('art7' in d.articles for d in corner_decisions):,} refused on art7, "
        f"{sum('art8.2' in d.articles for d in corner_decisions):,} decided on art8.2; "
        f"{sum(bool(f.blocked) for _, f in corners):,} with blocked items, "
        f"{sum('art9.4' in d.articles for d in corner_decisions):,} decided on art9.4; "
        f"{for_the_recipient_text(for_the_recipient(corners, corner_decisions))}"
    )
    print("Timing ...", file=sys.stderr)
    timing = measure(mix, cedar, args.repeat, args.inner, args.seed)
    data = {
        "mix": describe(mix, decisions),
        "corners": args.corners,
        "corner_kinds": corner_kinds,
        "corner_categories": sum(len(r.categories) for r, _ in corners),
        "timing": timing,
        "seed": args.seed,
        "repeat": args.repeat,
        "inner": args.inner,
        "machine": machine(
            f", pinned to core {core}" if core is not None else "",
            memory=False,
            extra=f", cedarpy {package_version('cedarpy')}",
        ),
        "measured": datetime.date.today().isoformat(),
        "ratio": timing["cedar"]["median"] / timing["decide"]["median"],
    }
    print(table(data))
    if args.profile or timing["decide"]["median"] > GOAL_MEDIAN_US:
        print("\n" + profile(mix))
    if not args.no_write:
        write_section(START, END, AFTER, section(data))
        print(f"\nWritten to {DOCS.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
