"""The planner on every episode (pipeline/planner_reference.py) and how evaluate() adopts it."""

import copy
import json

from pipeline.config import EvalConfig
from pipeline.evaluate import evaluate, reference_identity, reference_units
from pipeline.planner_reference import build, main as planner_reference

CFG = EvalConfig(episodes=5, sizes=(12,), loads=(0.5, 0.9), planner_episodes={12: 2}, chunk={12: 4})
QUIET = lambda *_: None  # noqa: E731


def rows(doc):
    return {(r["policy"], r["load"]): r for r in doc["results"]}


def untimed(doc):
    """rows() without the decision times, which differ from run to run."""
    return {k: {f: v for f, v in r.items() if f != "decision_ms"} for k, r in rows(doc).items()}


def test_units_start_with_the_evaluations_planner_chunks_and_cover_every_episode_once():
    assert reference_units(12, CFG) == [(0, 2), (2, 5)]
    cfg = EvalConfig(episodes=7, sizes=(12,), planner_episodes={12: 3}, chunk={12: 4}, planner_chunk={12: 2})
    assert reference_units(12, cfg) == [(0, 2), (2, 3), (3, 5), (5, 7)]


def test_the_identity_is_the_units_the_episodes_are_stepped_in():
    one_by_one = dict(episodes=6, sizes=(12,), chunk={12: 3}, planner_chunk={12: 1})
    # the planner's units are single episodes: rerunning 2 or 4 of them checks the same reference
    assert reference_identity(EvalConfig(planner_episodes={12: 2}, **one_by_one)) == \
        reference_identity(EvalConfig(planner_episodes={12: 4}, **one_by_one))
    # otherwise the number moves the units, and with them the planner's futures
    assert reference_identity(EvalConfig(episodes=6, sizes=(12,), planner_episodes={12: 2}, chunk={12: 3})) != \
        reference_identity(EvalConfig(episodes=6, sizes=(12,), planner_episodes={12: 4}, chunk={12: 3}))
    assert reference_identity(CFG)["units"] == {"12": [[0, 2], [2, 5]]}


def test_fewer_single_episode_checks_adopt_a_reference_made_with_more():
    cfg = EvalConfig(episodes=4, sizes=(12,), loads=(0.7,), planner_episodes={12: 3}, chunk={12: 4}, planner_chunk={12: 1})
    ref = build(cfg, log=QUIET)
    said = []
    fewer = EvalConfig(episodes=4, sizes=(12,), loads=(0.7,), planner_episodes={12: 1}, chunk={12: 4}, planner_chunk={12: 1})
    doc = evaluate({}, fewer, log=said.append, reference=ref)
    planner = rows(doc)[("planner", 0.7)]
    assert planner["episodes"] == 4 and planner["mean_return"] == round(sum(ref["cells"][0]["planner"]["ret"]) / 4, 4)
    assert any("from planner_reference.json" in line for line in said), said


def test_a_matching_reference_gives_the_planner_every_episode():
    ref = build(CFG, log=QUIET)
    a, b = untimed(evaluate({}, CFG, log=QUIET)), rows(evaluate({}, CFG, log=QUIET, reference=ref))
    for load in CFG.loads:
        cell = next(c for c in ref["cells"] if c["load"] == load)
        assert a[("planner", load)]["episodes"] == 2 and b[("planner", load)]["episodes"] == 5
        assert b[("planner", load)]["mean_return"] == round(sum(cell["planner"]["ret"]) / 5, 4)
        # the reference's first episodes are the planner's own, and greedy is the same on all of them
        assert a[("planner", load)]["mean_return"] == round(sum(cell["planner"]["ret"][:2]) / 2, 4)
        assert untimed({"results": [b[("greedy", load)]]}) == {("greedy", load): a[("greedy", load)]}
        # normalised over all 5 episodes now: nearest's score is its mean gain over the planner's
        gain = [p - g for p, g in zip(cell["planner"]["ret"], cell["greedy"]["ret"])]
        mine = b[("nearest", load)]["diff_vs_greedy"][0]
        assert abs(b[("nearest", load)]["normalized_score"] - round(mine / (sum(gain) / 5), 4)) < 1e-3
        # decision times stay those of the episodes stepped here
        assert b[("planner", load)]["decision_ms"] > 0


def test_a_reference_that_is_not_this_run_is_left_alone():
    ref = build(CFG, log=QUIET)
    alone = untimed(evaluate({}, CFG, log=QUIET))
    greedy, planner, other = copy.deepcopy(ref), copy.deepcopy(ref), copy.deepcopy(ref)
    greedy["cells"][1]["greedy"]["ret"][4] += 1e-9  # an episode the planner did not rerun
    planner["cells"][0]["planner"]["lat"][1] += 1e-9
    other["identity"]["seed"] += 1
    for bad, why in ((greedy, "greedy's returns differ"), (planner, "the planner's results differ"),
                     (other, "another evaluation configuration"), (None, "no planner_reference.json")):
        said = []
        doc = evaluate({}, CFG, log=said.append, reference=bad)
        assert untimed(doc) == alone and rows(doc)[("planner", 0.9)]["episodes"] == 2
        assert any(why in line and "planner_reference" in line for line in said), said


def test_a_malformed_reference_is_refused_with_a_reason_not_a_crash():
    ref = build(CFG, log=QUIET)
    for bad in ({**ref, "cells": [{"num_nodes": 12}]}, {**ref, "cells": "x"},
                {**ref, "cells": [{**c, "planner": {"ret": []}} for c in ref["cells"]]}):
        said = []
        doc = evaluate({}, CFG, log=said.append, reference=bad)
        assert rows(doc)[("planner", 0.5)]["episodes"] == 2
        assert any("planner_reference" in line and "first episodes only" in line for line in said), said


def test_the_command_writes_the_report(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.planner_reference.C.EvalConfig", lambda: CFG)
    planner_reference(["--workers", "1", "--out", str(tmp_path / "ref.json")])
    doc = json.loads((tmp_path / "ref.json").read_text())
    assert [(c["num_nodes"], c["load"], len(c["planner"]["ret"])) for c in doc["cells"]] == [(12, 0.5, 5), (12, 0.9, 5)]
    assert "pipeline.planner_reference" in doc["regenerate"] and doc["kernels"]
