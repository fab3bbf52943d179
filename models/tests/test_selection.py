"""pipeline/selection.py: which training run is published, on which episodes it is judged."""

import math

import pytest
import torch

from pipeline import config as C
from pipeline import evaluate, reexport
from pipeline.export import save_checkpoint
from pipeline.selection import candidates, choose, gains, select, t_stat
from pipeline.train_all import _model


def test_the_run_whose_worst_cell_is_best_is_chosen_and_ties_go_to_the_first_seed():
    d = lambda *v: torch.tensor(v, dtype=torch.float64)  # noqa: E731
    steady = {(1000, 0.4): d(1.0, 2.0, 3.0), (1000, 0.9): d(1.0, 2.0, 3.0)}
    great_but_loses_once = {(1000, 0.4): d(30.0, 31.0, 32.0), (1000, 0.9): d(-3.0, -2.0, -1.0)}
    chosen, worst = choose({7: great_but_loses_once, 3: steady, 5: dict(steady)})
    assert chosen == 3 and worst[3] == worst[5] == pytest.approx(2 / (1 / math.sqrt(3)))
    assert worst[7] < 0


def test_t_statistic_of_constant_differences():
    assert t_stat(torch.tensor([2.0, 2.0])) == math.inf and t_stat(torch.tensor([0.0, 0.0])) == 0.0
    assert t_stat(torch.tensor([-1.0, -1.0])) == -math.inf


def test_candidates_put_the_config_seed_first_and_other_models_train_once():
    cfg = C.SelectionConfig(extra_seeds={"hybrid": (5, 3, 6)})
    assert candidates("hybrid", 3, cfg) == [3, 5, 6] and candidates("dqn", 1, cfg) == [1]


def test_validation_networks_are_never_the_evaluations(monkeypatch):
    seen = []
    real = evaluate.generate_network
    monkeypatch.setattr(evaluate, "generate_network", lambda n, seed: seen.append(seed) or real(n, seed))
    cfg = C.SelectionConfig(loads=(0.7,))
    list(evaluate.seeded_episodes(12, 0, 3, cfg.seed, cfg.loads, held=False))
    validation, seen[:] = list(seen), []
    list(evaluate.held_out(12, 0, 3, C.EvalConfig(loads=(0.7,))))
    assert all(s % 2 == 0 for s in validation) and all(s % 2 == 1 for s in seen)


def test_select_reports_every_runs_cells_and_publishes_the_best(monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    cfg = C.SelectionConfig(episodes=3, chunk=2, sizes=(12,), loads=(0.4, 0.9))
    hp = C.PipelineConfig().hybrid
    torch.manual_seed(0)
    runs = {s: _model("hybrid", hp).eval() for s in (3, 5)}
    with ThreadPoolExecutor(1) as pool:
        report = select(pool, {"hybrid": runs}, cfg, log=lambda *_: None)
    sel = report["models"]["hybrid"]
    assert [r["seed"] for r in sel["runs"]] == [3, 5]
    assert sel["chosen"] == max(sel["runs"], key=lambda r: r["worst_t"])["seed"]
    for r in sel["runs"]:
        # the report's cells are the gains of that run alone on all the validation episodes, chunk by chunk
        direct = {load: torch.cat([gains({"one": runs[r["seed"]]}, 12, lo, hi, cfg)["one"][load]
                                   for lo, hi in ((0, 2), (2, 3))]) for load in cfg.loads}
        assert [c["load"] for c in r["cells"]] == [0.4, 0.9]
        for c in r["cells"]:
            assert c["diff_vs_greedy"][0] == pytest.approx(float(direct[c["load"]].mean()), abs=1e-4)
            assert c["t"] == pytest.approx(t_stat(direct[c["load"]]), abs=1e-3)
        assert r["worst_t"] == min(c["t"] for c in r["cells"])


def test_a_checkpoint_trained_with_a_seed_outside_the_candidates_is_refused(tmp_path, monkeypatch):
    hp = C.PipelineConfig().hybrid
    monkeypatch.setattr(C, "CKPT_DIR", tmp_path)
    for seed, ok in ((C.SelectionConfig().extra_seeds["hybrid"][0], True), (999, False)):
        meta_hp = {**hp.__dict__, "seed": seed}
        save_checkpoint(_model("hybrid", hp), tmp_path / "hybrid.pt", {"name": "hybrid", "hyperparameters": meta_hp})
        if ok:
            model, loaded = reexport.load("hybrid", hp)
            assert loaded.seed == seed and {**loaded.__dict__, "seed": hp.seed} == hp.__dict__
        else:
            with pytest.raises(SystemExit, match="seed among"):
                reexport.load("hybrid", hp)
