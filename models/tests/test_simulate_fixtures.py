"""models/fixtures/episodes_scored.json: regenerated exactly from the committed checkpoint, and its summaries say what
the API documents."""

import json

import pytest

from pipeline import simulate_fixtures as sf
from pipeline.config import CKPT_DIR

pytestmark = pytest.mark.skipif(not sf.OUT.exists() or not (CKPT_DIR / "hybrid.pt").exists(),
                                reason="run `npm run train` first")


def committed() -> dict:
    return json.loads(sf.OUT.read_text())


# The hybrid's margins are float32 network outputs: another CPU's kernels (AVX2 vs AVX-512 BLAS paths) round them
# differently in the 6th-7th digit. Everything else is float64 simulation and the choices made, and must match exactly.
MARGIN_ABS = 1e-5


def test_small_runs_regenerate_exactly():
    model = sf.load_hybrid()
    doc = committed()
    for spec, run in list(zip(sf.RUNS, doc["runs"]))[:2]:
        again = json.loads(json.dumps(sf.run_episode(*spec, model)))
        margins = again["policies"]["hybrid"].pop("margin"), run["policies"]["hybrid"].pop("margin")
        assert again == run, spec
        assert margins[0] == pytest.approx(margins[1], abs=MARGIN_ABS), spec


def test_every_policy_sees_the_same_stream_from_the_same_state():
    doc = committed()
    for run in doc["runs"]:
        assert len(run["stream"]) == run["warmup_tasks"] + run["tasks"]
        assert set(run["policies"]) == {*sf.HEURISTICS, "hybrid"}
        for name, p in run["policies"].items():
            assert len(p["nodes"]) == len(p["rewards"]) == run["tasks"], name
            assert p["summary"]["return"] == pytest.approx(sum(p["rewards"]), rel=1e-12)
            assert p["summary"]["dropped"] == sum(a < 0 for a in p["nodes"])
        # every policy meets the first scored task in the same warmed-up state, where greedy is the one-step optimum
        first = {name: p["rewards"][0] for name, p in run["policies"].items()}
        assert first["greedy"] == max(first.values()), first


def test_summary_uses_nearest_rank_p95_over_placed_tasks():
    s = sf.summary(nodes=[0, -1, 1, 2], rewards=[1.0, -6.0, 0.5, 0.25], latency=[30.0, None, 10.0, 20.0],
                   met=[True, False, True, False], energy=[0.1, 0.0, 0.2, 0.3])
    assert s == {"return": -4.25, "deadline_met_rate": 0.5, "mean_latency_ms": 20.0, "p95_latency_ms": 30.0,
                 "energy_j": pytest.approx(0.6), "dropped": 1}
    assert sf.summary([-1], [-6.0], [None], [False], [0.0])["mean_latency_ms"] is None
