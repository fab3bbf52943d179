"""Regenerate every artifact from scratch with fixed seeds: train, export (ONNX + checkpoint), evaluate, fixtures,
manifests, model card. Run from models/:  /usr/bin/python3 -m pipeline.train_all  [--only dqn,ppo] [--quick]

Training runs and evaluation cells are independent and seeded, so they run in parallel worker processes (one torch
thread each); the results do not depend on --workers.
"""

import argparse
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import torch

from policies import dqn, hybrid, ppo
from policies.kernels import in_effect
from policies.progress import fmt_time

from . import config as C, planner_reference
from .evaluate import evaluate
from .export import export_onnx, save_checkpoint, sha256
from .fixtures import model_fixture, network_fixture, write_json
from .manifest import build, graph_inputs
from .model_card import render
from .repository import GRAPH, MANIFEST, serve, version_dir, write_json as write_manifest
from .selection import REPORT as SELECTION_REPORT, candidates, select
from .episode_fixtures import write_episode_fixture
from .sim_fixtures import write_simulation_fixture
from .simulate_fixtures import write_simulate_fixture
from .workers import init_worker

TRAINERS = {"dqn": dqn.train, "ppo": ppo.train, "hybrid": hybrid.train, "hybrid_gat": hybrid.train}
BUILDERS = {"hybrid": hybrid.build, "hybrid_gat": hybrid.build}


def quick(cfg: C.PipelineConfig) -> C.PipelineConfig:
    """A few minutes end to end (smoke runs; not the committed artifacts)."""
    cfg.dqn.episodes, cfg.dqn.learning_starts, cfg.dqn.num_envs = 1, 50, 8
    cfg.ppo.iterations, cfg.ppo.num_envs = 1, 8
    for h in (cfg.hybrid, cfg.hybrid_gat):
        h.rounds, h.num_envs, h.planner.samples = 1, 4, 2
        h.finetune.iterations, h.finetune.num_envs = 1, 8
    cfg.eval.episodes, cfg.eval.sizes, cfg.eval.loads = 4, (12,), (0.7,)
    cfg.eval.planner_episodes = {12: 2}
    cfg.selection.episodes, cfg.selection.chunk, cfg.selection.sizes, cfg.selection.loads = 2, 2, (12,), (0.7,)
    cfg.selection.extra_seeds = {"hybrid": (5,), "hybrid_gat": (5,)}
    return cfg


def _train(name: str, hp) -> dict:
    return _portable(TRAINERS[name](hp, name=name))


def _portable(run: dict) -> dict:
    """A run as a worker returns it: the weights as a state dict, and the kernels they were trained on."""
    run["state_dict"] = run.pop("model").state_dict()
    run["kernels"] = in_effect()
    return run


def _distill(name: str, hp) -> dict:
    return _portable(hybrid.distill(hp, name=name))


def _fine_tune(name: str, hp, distilled: dict) -> dict:
    net = BUILDERS[name](hp)
    net.load_state_dict(distilled["state_dict"])
    return _portable(hybrid.fine_tune_distilled(hp, {**distilled, "model": net}, name=name))


def _model(name: str, hp):
    if name in BUILDERS:
        return BUILDERS[name](hp)
    return {"dqn": lambda: dqn.QNetwork(hp.hidden, hp.probs_tau, hp.prior), "ppo": lambda: ppo.ActorCritic(hp.hidden, hp.prior)}[name]()


def _loaded(name: str, hp, state_dict: dict):
    model = _model(name, hp)
    model.load_state_dict(state_dict)
    return model.eval()


def train_and_select(hps: dict, cfg: C.SelectionConfig, workers: int):
    """Train every model in parallel workers. A distilled GNN with several candidate seeds is distilled with each,
    validation chooses among the distilled runs (pipeline/selection.py), and only the chosen one is fine-tuned (what
    that saves and gives up: docs/model-card.md, "Training-seed selection").
    (hyper-parameters with the kept seeds, their runs, the selection report or None.)"""
    seeds = {name: candidates(name, hp.seed, cfg) for name, hp in hps.items()}
    picking = [name for name in hps if len(seeds[name]) > 1]
    if any(name not in BUILDERS for name in picking):
        raise ValueError(f"seed selection is for the distilled GNNs {sorted(BUILDERS)}, not {picking}")
    with ProcessPoolExecutor(workers, initializer=init_worker) as pool:
        # the distilled GNNs take longest and selection waits for them: start them first
        order = sorted(hps, key=lambda n: n not in picking)
        futures = {(name, s): pool.submit(_distill if name in picking else _train, name, replace(hps[name], seed=s))
                   for name in order for s in seeds[name]}
        selection, chosen = None, {name: seeds[name][0] for name in hps}
        if picking:
            distilled = {key: futures[key].result() for key in futures if key[0] in picking}
            t0 = time.time()
            selection = select(pool, {name: {s: _loaded(name, hps[name], distilled[(name, s)]["state_dict"]) for s in seeds[name]}
                                      for name in picking}, cfg)
            print(f"[train_all] seeds selected on validation in {fmt_time(time.time() - t0)}", flush=True)
            chosen.update({name: selection["models"][name]["chosen"] for name in picking})
            tuned = {name: pool.submit(_fine_tune, name, replace(hps[name], seed=chosen[name]), distilled[(name, chosen[name])])
                     for name in picking}
        runs = {name: tuned[name].result() if name in picking else futures[(name, chosen[name])].result() for name in hps}
    for name in picking:
        runs[name]["selection"] = {"seeds": seeds[name], "chosen": chosen[name], "file": f"reports/{SELECTION_REPORT}"}
    return {name: replace(hp, seed=chosen[name]) for name, hp in hps.items()}, runs, selection


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="dqn,ppo,hybrid,hybrid_gat")
    ap.add_argument("--quick", action="store_true", help="tiny smoke run written to --out (default a temp dir)")
    ap.add_argument("--out", default=None, help="write artifacts under this directory instead of models/")
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    args = ap.parse_args(argv)
    init_worker()
    reference = planner_reference.load()  # read before training: a broken file fails now, not after it
    cfg = quick(C.PipelineConfig()) if args.quick else C.PipelineConfig()
    names = args.only.split(",")
    out = Path(args.out or (tempfile.mkdtemp(prefix="edge-quick-") if args.quick else C.ROOT))
    repo_dir, ckpt_dir, report_dir, fixture_dir = (out / d for d in ("repository", "checkpoints", "reports", "fixtures"))
    graphs = {name: version_dir(repo_dir, name, C.VERSION) / GRAPH for name in names}
    t0 = time.time()
    print(f"[train_all] policies {names} -> {out}, torch {torch.__version__}, kernels {in_effect()}, {args.workers} workers",
          flush=True)

    hps, runs, selection = train_and_select({name: getattr(cfg, name) for name in names}, cfg.selection, args.workers)
    if selection:
        write_json(report_dir / SELECTION_REPORT, selection, indent=1)
    models = {}
    for name in names:
        models[name] = model = _loaded(name, hps[name], runs[name]["state_dict"])
        sha = export_onnx(model, graphs[name])
        save_checkpoint(model, ckpt_dir / f"{name}.pt", {"name": name, "hyperparameters": hps[name].__dict__})
        print(f"[train_all] {name}: trained in {fmt_time(runs[name]['wall_s'])}, exported {graphs[name].relative_to(out)} sha256 {sha[:12]}",
              flush=True)

    t_eval = time.time()
    eval_doc = evaluate(models, cfg.eval, workers=args.workers, reference=reference)
    write_json(report_dir / "eval.json", eval_doc, indent=1)
    print(f"[train_all] evaluation written in {fmt_time(time.time() - t_eval)}", flush=True)

    write_json(fixture_dir / "networks.json", network_fixture(cfg.fixtures))
    cases = write_simulation_fixture(fixture_dir / "simulation.json")
    write_episode_fixture(fixture_dir / "episodes.json")
    write_simulate_fixture(fixture_dir / "episodes_scored.json", models.get("hybrid"))
    for name, model in models.items():
        write_json(fixture_dir / f"{name}.json", model_fixture(name, model, cases))
        path = graphs[name]
        write_manifest(path.with_name(MANIFEST), build(name, model, hps[name], sha256(path), runs[name], eval_doc, graph_inputs(path)))
        serve(repo_dir, name, C.VERSION)
    if out == C.ROOT:
        render(eval_doc)
    print(f"[train_all] fixtures ({len(cases)} cases per model), manifests and docs/model-card.md written; "
          f"total {fmt_time(time.time() - t0)}", flush=True)


if __name__ == "__main__":
    main()
