"""Evaluation, export, fixtures, manifests and the model card, on small configurations."""

import json
import math
from collections import Counter

import onnx
import pytest
from onnx import numpy_helper, shape_inference
import torch

from edgesim import spec
from pipeline.compare_eval import fingerprint, main as compare_eval
from pipeline.config import EvalConfig
from pipeline.evaluate import episode_ranges, evaluate, paired, ratio_interval
from pipeline.export import INPUTS, export_onnx, sha256
from pipeline.fixtures import model_fixture
from pipeline.manifest import build as build_manifest
from pipeline.manifest import graph_inputs
from pipeline.model_card import kernel_section, render, verdict_counts
from pipeline.repository import serve
from pipeline.sim_fixtures import build_requests, expected
from policies.hybrid import HybridConfig, build
from policies.networks import QNetwork

SMALL = EvalConfig(episodes=6, sizes=(12,), loads=(0.5, 0.9), planner_episodes={12: 3}, chunk={12: 4})


def small_models():
    torch.manual_seed(0)
    return {"hybrid": build(HybridConfig(hidden=16)).eval(), "dqn": QNetwork(16, 0.25, 1.0).eval()}


def test_paired_interval():
    d = torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=torch.float64)
    mean, lo, hi = paired(d)
    assert mean == 2.5 and math.isclose(hi - mean, 1.96 * float(d.std()) / 2)


def test_ratio_interval_is_fiellers():
    gen = torch.Generator().manual_seed(0)
    b = 10 + torch.randn(400, generator=gen, dtype=torch.float64)
    a = 0.5 * b + 0.3 * torch.randn(400, generator=gen, dtype=torch.float64)
    lo, hi = ratio_interval(a, b)
    assert lo < float(a.mean() / b.mean()) < hi and hi - lo < 0.02
    # a denominator whose interval holds 0 bounds no ratio
    assert ratio_interval(a, torch.randn(400, generator=gen, dtype=torch.float64)) is None
    assert ratio_interval(a[:1], b[:1]) is None


def test_work_units_cover_every_episode_once_with_the_planners_first():
    cfg = EvalConfig(episodes=10, sizes=(12,), planner_episodes={12: 3}, chunk={12: 4}, planner_chunk={12: 1})
    assert episode_ranges(12, cfg) == [(0, 1), (1, 2), (2, 3), (3, 7), (7, 10)]


def test_deterministic_policies_do_not_depend_on_how_episodes_are_split():
    """Each unit seeds one random stream for its episodes, so only random, power_of_two and the planner (which
    sample) see the split, which EvalConfig fixes."""
    def doc(chunk, planner_chunk):
        cfg = EvalConfig(episodes=5, sizes=(12,), loads=(0.7,), planner_episodes={12: 2}, chunk={12: chunk},
                         planner_chunk={12: planner_chunk})
        rows = evaluate({}, cfg, log=lambda *_: None)["results"]
        return {r["policy"]: r["mean_return"] for r in rows if r["policy"] not in ("random", "power_of_two", "planner")}
    assert doc(5, 2) == doc(2, 1)


def test_evaluation_rows_are_paired_against_greedy_and_normalised_by_the_planner():
    doc = evaluate(small_models(), SMALL, log=lambda *_: None)
    assert set(doc) == {"seed", "episodes", "tasks_per_episode", "results", "ablations"}
    by = {(r["policy"], r["load"]): r for r in doc["results"]}
    for load in SMALL.loads:
        g, p = by[("greedy", load)], by[("planner", load)]
        assert g["diff_vs_greedy"] == [0.0, 0.0, 0.0] and g["normalized_score"] == 0.0
        assert p["normalized_score"] == 1.0 and p["episodes"] == 3 and g["episodes"] == 6
        for r in doc["results"]:
            assert set(r) == {"policy", "kind", "num_nodes", "load", "episodes", "mean_return", "std_return",
                              "diff_vs_greedy", "normalized_score", "normalized_score_ci95", "deadline_met_rate", "mean_latency_ms", "decision_ms"}
            assert r["diff_vs_greedy"][1] <= r["diff_vs_greedy"][0] <= r["diff_vs_greedy"][2]
            assert 0 <= r["deadline_met_rate"] <= 1 and r["decision_ms"] > 0
    assert {(a["variant"], a["load"]) for a in doc["ablations"]} == {(v, ld) for v in ("no_link_state", "no_graph") for ld in SMALL.loads}
    for a in doc["ablations"]:  # the share of hybrid's gain over greedy the variant keeps, paired by episode
        full = by[("hybrid", a["load"])]["diff_vs_greedy"][0]
        assert a["gain_kept"] == pytest.approx(a["diff_vs_greedy"][0] / full, abs=1e-3)
        ci = a["gain_kept_ci95"]
        assert ci is None or ci[0] <= a["gain_kept"] <= ci[1]
    # same streams for every policy: the greedy row equals greedy's own return mean
    again = evaluate({}, EvalConfig(episodes=6, sizes=(12,), loads=(0.5,), planner_episodes={12: 1}, chunk={12: 6}), log=lambda *_: None)
    assert {r["policy"]: r["mean_return"] for r in again["results"]}["greedy"] == by[("greedy", 0.5)]["mean_return"]


def test_export_declares_the_contract_inputs_and_passes_the_checker(tmp_path):
    ms = small_models()
    sha = export_onnx(ms["hybrid"], tmp_path / "h.onnx")
    g = onnx.load(str(tmp_path / "h.onnx")).graph
    assert [i.name for i in g.input] == list(INPUTS) and sha == sha256(tmp_path / "h.onnx")
    export_onnx(ms["dqn"], tmp_path / "d.onnx")  # the node-wise network reads neither links nor the route tree
    assert [i.name for i in onnx.load(str(tmp_path / "d.onnx")).graph.input] == ["x", "edge_attr", "mask"]
    for i in g.input:  # no input grows with nodes x nodes
        dims = [d.dim_param or d.dim_value for d in i.type.tensor_type.shape.dim]
        assert dims.count("nodes") <= 1


def test_export_takes_the_lean_graph_forms(tmp_path):
    """docs/model-contract.md, "Graph": no gather per column, no index expanded per run, no mask built from a shape,
    one GatherND per route-tree layer; link messages summed by target as a segment sum (one TopK, two CumSums, the only
    ScatterElements counting links per node, not adding [links, H] cells); one Shape for the [B, N, H] view of the
    node rows (and two for the segment sum's counts); the raw columns picked by one product; constants of their
    operand's rank."""
    ms = {**small_models(), "hybrid_gat": build(HybridConfig(hidden=16, kind="attention")).eval()}
    for name, model in ms.items():
        export_onnx(model, tmp_path / f"{name}.onnx")
        ops = Counter(n.op_type for n in onnx.load(str(tmp_path / f"{name}.onnx")).graph.node)
        graph = name != "dqn"
        assert ops["Expand"] == ops["GatherElements"] == ops["Shape"] - 1 - 2 * graph == 0, (name, ops)
        assert ops["ConstantOfShape"] == ops["CumSum"] == 2 * graph and ops["TopK"] == ops["ScatterElements"] == graph, \
            (name, ops)
        assert ops["GatherND"] == 2 * graph and ops["Split"] == 1 and ops["Unsqueeze"] <= 1 + 2 * graph, (name, ops)
        g = shape_inference.infer_shapes(onnx.load(str(tmp_path / f"{name}.onnx"))).graph
        elem = {v.name: v.type.tensor_type.elem_type for v in [*g.value_info, *g.input, *g.output]}
        assert all(elem[n.output[0]] == onnx.TensorProto.INT64 for n in g.node if n.op_type == "ScatterElements"), name
        # the raw columns: one product with a 0/1 matrix feeding the one split, no Gather reads x
        assert sorted(n.op_type for n in g.node if "x" in n.input) == ["MatMul", "ReduceL1"], name
        # every constant of an elementwise op has the rank of the op's other operand, and nothing is divided by 1
        rank = {v.name: len(v.type.tensor_type.shape.dim) for v in [*g.value_info, *g.input, *g.output]}
        consts = {i.name: numpy_helper.to_array(i) for i in g.initializer}
        consts.update({n.output[0]: numpy_helper.to_array(n.attribute[0].t) for n in g.node if n.op_type == "Constant"})
        rank.update({k: v.ndim for k, v in consts.items()})
        for n in g.node:
            if n.op_type in {"Add", "Sub", "Mul", "Div", "Greater", "GreaterOrEqual", "LessOrEqual", "Equal", "Where"}:
                low = [i for i in n.input if i in consts and consts[i].ndim < max(rank.get(j, 0) for j in n.input)]
                assert not low, (name, n.name, low)
                assert n.op_type != "Div" or not (n.input[1] in consts and (consts[n.input[1]] == 1).all()), (name, n.name)


def test_model_fixture_replays_the_request_tensors():
    cases = [{"description": d, "request": r, "expected": expected(r)} for d, r in build_requests()[:6]]
    fx = model_fixture("hybrid", small_models()["hybrid"], cases)
    for c in fx["cases"]:
        n = len(c["request"]["network_state"]["nodes"])
        assert len(c["tensors"]["x"][0]) == n and len(c["expected"]["probs"][0]) == n
        assert c["expected"]["selected_node"] in (-1, *range(n))


def test_manifest_and_model_card_say_what_was_measured(tmp_path):
    ms = small_models()
    doc = evaluate(ms, SMALL, log=lambda *_: None)
    run = {"steps": 10, "wall_s": 1.0, "curve": [{"step": 10, "episode_return": -1.0}]}
    export_onnx(ms["hybrid"], tmp_path / "h.onnx")
    man = build_manifest("hybrid", ms["hybrid"], HybridConfig(hidden=16), "0" * 64, run, doc, graph_inputs(tmp_path / "h.onnx"))
    assert [i["name"] for i in man["inputs"]] == list(INPUTS)
    assert [f["name"] for f in man["features"]] == [f[0] for f in spec.NODE_FEATURES]
    assert [f["name"] for f in man["edge_features"]] == [f[0] for f in spec.EDGE_FEATURES]
    assert all(r["policy"] == "hybrid" for r in man["evaluation"]["results"])
    text = render(doc, {"hybrid": man}, tmp_path / "card.md")
    assert "## Where each policy wins and loses" in text and "no_graph" in text
    h = [r for r in doc["results"] if r["policy"] == "hybrid"]
    line = next(l for l in text.splitlines() if l.startswith("- **hybrid**"))
    if any(r["diff_vs_greedy"][2] < 0 for r in h):  # an untrained network: the card must say it loses
        assert "loses to greedy at" in line
    wins = sum(r["diff_vs_greedy"][1] > 0 for r in h)
    assert (f"beats greedy in {wins} of {len(h)} cells" in line) == (0 < wins < len(h))
    json.dumps(man, allow_nan=False)


def test_verdict_counts_split_cells_by_the_paired_interval():
    cells = [[2.0, 0.5, 3.5], [1.0, 0.0, 2.0], [-1.0, -2.0, 0.0], [-3.0, -4.0, -0.1], [0.1, 0.01, 0.2]]
    doc = {"results": [{"policy": "dqn", "diff_vs_greedy": d} for d in cells] + [{"policy": "ppo", "diff_vs_greedy": [9, 8, 10]}]}
    assert verdict_counts(doc, "dqn") == "2 / 2 / 1"


def test_serve_keeps_the_served_versions_and_makes_the_new_one_default(tmp_path):
    assert serve(tmp_path, "hybrid", 1) == {"name": "hybrid", "versions": [1], "default_version": 1}
    assert serve(tmp_path, "hybrid", 2) == {"name": "hybrid", "versions": [1, 2], "default_version": 2}
    assert serve(tmp_path, "hybrid", 1) == {"name": "hybrid", "versions": [1, 2], "default_version": 1}
    assert json.loads((tmp_path / "hybrid" / "config.json").read_text())["default_version"] == 1
    assert not list(tmp_path.glob("hybrid/*.tmp"))


def test_compare_eval_flags_means_beyond_the_tolerance(tmp_path):
    row = {"policy": "greedy", "num_nodes": 20, "load": 0.7, "episodes": 200, "mean_return": -100.0}
    old, near, far = (tmp_path / f for f in ("old.json", "near.json", "far.json"))
    old.write_text(json.dumps({"results": [row]}))
    near.write_text(json.dumps({"results": [{**row, "mean_return": -101.0}]}))
    far.write_text(json.dumps({"results": [{**row, "mean_return": -103.0}]}))
    assert compare_eval([str(old), str(near)]) == 0 and compare_eval([str(old), str(far)]) == 1


def _eval_doc(hybrid_gain: float, ablation_gain: float) -> dict:
    """An evaluation of greedy and hybrid at one cell with one ablation."""
    cell = {"num_nodes": 20, "load": 0.7, "episodes": 200}
    return {"seed": 1, "results": [
        {"policy": "greedy", **cell, "mean_return": -100.0, "diff_vs_greedy": [0.0, 0.0, 0.0]},
        {"policy": "hybrid", **cell, "mean_return": -100.0 + hybrid_gain,
         "diff_vs_greedy": [hybrid_gain, hybrid_gain - 1, hybrid_gain + 1]}],
        "ablations": [{"policy": "hybrid", "variant": "no_graph", **cell, "mean_return": -100.0 + ablation_gain,
                       "diff_vs_greedy": [ablation_gain, ablation_gain - 1, ablation_gain + 1]}]}


def _rerun_dir(tmp_path, doc, kernels):
    """A `train_all --out` directory with doc as its evaluation and, per (model, kernels) in kernels, a default
    version trained on those kernels."""
    (tmp_path / "reports").mkdir(parents=True)
    (tmp_path / "reports" / "eval.json").write_text(json.dumps(doc))
    (tmp_path / "reports" / "selection.json").write_text(json.dumps({"models": {"hybrid": {"chosen": 4}}}))
    for name, k in kernels:
        (tmp_path / "repository" / name / "1").mkdir(parents=True)
        (tmp_path / "repository" / name / "config.json").write_text(json.dumps({"default_version": 1}))
        (tmp_path / "repository" / name / "1" / "manifest.json").write_text(json.dumps({"training": {"kernels": k}}))
    return tmp_path / "reports" / "eval.json"


def test_compare_eval_saves_the_rerun_with_its_kernels_and_the_evaluation_it_reruns(tmp_path):
    old = tmp_path / "old.json"
    old.write_text(json.dumps(_eval_doc(10.0, 5.0)))
    k = {"openblas": "Cooperlake", "aten": "AVX2"}
    new = _rerun_dir(tmp_path / "run", _eval_doc(12.5, 9.0), [("hybrid", k), ("dqn", k)])
    assert compare_eval([str(old), str(new), "--save", str(tmp_path / "rerun.json")]) == 1  # -90 vs -87.5: 2.8%
    saved = json.loads((tmp_path / "rerun.json").read_text())
    assert saved["kernels"] == k and saved["selected_seeds"] == {"hybrid": 4}
    assert saved["eval"] == _eval_doc(12.5, 9.0) and saved["reference"] == fingerprint(_eval_doc(10.0, 5.0))
    mixed = _rerun_dir(tmp_path / "mixed", _eval_doc(12.5, 9.0), [("hybrid", k), ("dqn", {**k, "openblas": "Haswell"})])
    with pytest.raises(SystemExit, match="2 sets of kernels"):
        compare_eval([str(old), str(mixed), "--save", str(tmp_path / "mixed.json")])
    unknown = _rerun_dir(tmp_path / "unknown", _eval_doc(12.5, 9.0), [("hybrid", k)])
    (tmp_path / "unknown" / "repository" / "hybrid" / "1" / "manifest.json").write_text(json.dumps({"training": {}}))
    with pytest.raises(SystemExit, match="does not say which kernels"):
        compare_eval([str(old), str(unknown), "--save", str(tmp_path / "unknown.json")])


def test_the_model_card_compares_the_kernel_rerun_with_the_published_run():
    published, rerun_doc = _eval_doc(10.0, 9.0), _eval_doc(12.5, 5.0)
    rerun = {"kernels": {"openblas": "Cooperlake", "aten": "AVX2"}, "reference": fingerprint(published),
             "selected_seeds": {"hybrid": 4}, "eval": rerun_doc}
    text = kernel_section(rerun, published, {"hybrid": {"training": {"seed": 3}}})
    assert "OPENBLAS_CORETYPE=Cooperlake" in text and "`hybrid` seed 4 (published: 3)" in text
    assert "| hybrid | 1 of 1 | 2.8% (20 nodes, load 0.7: -90.0 -> -87.5) |" in text
    assert "| greedy | 0 of 1 | none |" in text
    # the published ablation keeps 90% of the gain, the rerun's 40%
    assert "in 1 of 1 cells on the rerun, 0 in the published run" in text
    retimed = {**published, "results": [{**r, "decision_ms": 0.5} for r in published["results"]]}
    assert kernel_section(rerun, retimed, {"hybrid": {"training": {"seed": 3}}}) == text  # a reproducing retrain
    stale = kernel_section(rerun, _eval_doc(11.0, 9.0), {"hybrid": {"training": {"seed": 3}}})
    assert "reran another evaluation than the published one" in stale and "| hybrid |" not in stale


def test_the_card_places_a_policy_against_the_planner_by_the_interval_not_the_point():
    from pipeline.model_card import against_planner
    row = lambda s, ci: {"normalized_score": s, "normalized_score_ci95": ci, "num_nodes": 20, "load": 0.4}  # noqa: E731
    rows = [row(0.9, [0.8, 0.99]), row(0.95, [0.85, 1.05]), row(1.3, [1.1, 1.5]), row(0.5, None)]
    text = against_planner(rows, lambda r: "here")  # cell() names the cell after "at"
    assert "below it in 1 of 4 cells (lowest 0.90 [0.80, 0.99] at here)" in text
    assert "above it in 1 (highest 1.30 [1.10, 1.50] at here)" in text and "not distinguishable from it in 2" in text
