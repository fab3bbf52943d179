"""Regenerate every artifact from scratch with fixed seeds: train, export (ONNX + checkpoint), evaluate, fixtures,
manifests, model card. Run from models/:  /usr/bin/python3 -m pipeline.train_all  [--only dqn,ppo] [--quick]

Training runs and evaluation cells are independent and seeded, so they run in parallel worker processes (one torch
thread each); the results do not depend on --workers.
"""

import argparse
import json
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import torch

from policies import dqn, hybrid, ppo
from policies.progress import fmt_time

from . import config as C
from .evaluate import evaluate
from .export import export_onnx, save_checkpoint, sha256
from .fixtures import model_fixture, network_fixture, write_json
from .manifest import build, graph_inputs
from .model_card import render
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
    cfg.eval.episodes, cfg.eval.sizes, cfg.eval.loads = 4, (12,), (0.7,)
    cfg.eval.planner_episodes = {12: 2}
    return cfg


def _train(name: str, hp) -> dict:
    run = TRAINERS[name](hp, name=name)
    run["state_dict"] = run.pop("model").state_dict()
    return run


def _model(name: str, hp):
    if name in BUILDERS:
        return BUILDERS[name](hp)
    return {"dqn": lambda: dqn.QNetwork(hp.hidden, hp.probs_tau), "ppo": lambda: ppo.ActorCritic(hp.hidden)}[name]()


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="dqn,ppo,hybrid,hybrid_gat")
    ap.add_argument("--quick", action="store_true", help="tiny smoke run written to --out (default a temp dir)")
    ap.add_argument("--out", default=None, help="write artifacts under this directory instead of models/")
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    args = ap.parse_args(argv)
    init_worker()
    cfg = quick(C.PipelineConfig()) if args.quick else C.PipelineConfig()
    names = args.only.split(",")
    out = Path(args.out or (tempfile.mkdtemp(prefix="edge-quick-") if args.quick else C.ROOT))
    onnx_dir, ckpt_dir, report_dir, fixture_dir = (out / d for d in ("onnx", "checkpoints", "reports", "fixtures"))
    t0 = time.time()
    print(f"[train_all] policies {names} -> {out}, torch {torch.__version__}, {args.workers} workers", flush=True)

    hps = {name: getattr(cfg, name) for name in names}
    with ProcessPoolExecutor(args.workers, initializer=init_worker) as pool:
        # the distilled hybrids take longest: start them first
        order = sorted(names, key=lambda n: n not in BUILDERS)
        futures = {name: pool.submit(_train, name, hps[name]) for name in order}
        runs = {name: f.result() for name, f in futures.items()}
    models = {}
    for name in names:
        model = _model(name, hps[name])
        model.load_state_dict(runs[name]["state_dict"])
        models[name] = model.eval()
        sha = export_onnx(model, onnx_dir / f"{name}.onnx")
        save_checkpoint(model, ckpt_dir / f"{name}.pt", {"name": name, "hyperparameters": hps[name].__dict__})
        print(f"[train_all] {name}: trained in {fmt_time(runs[name]['wall_s'])}, exported onnx/{name}.onnx sha256 {sha[:12]}",
              flush=True)

    t_eval = time.time()
    eval_doc = evaluate(models, cfg.eval, workers=args.workers)
    write_json(report_dir / "eval.json", eval_doc, indent=1)
    print(f"[train_all] evaluation written in {fmt_time(time.time() - t_eval)}", flush=True)

    write_json(fixture_dir / "networks.json", network_fixture(cfg.fixtures))
    cases = write_simulation_fixture(fixture_dir / "simulation.json")
    write_episode_fixture(fixture_dir / "episodes.json")
    write_simulate_fixture(fixture_dir / "episodes_scored.json", models.get("hybrid"))
    for name, model in models.items():
        write_json(fixture_dir / f"{name}.json", model_fixture(name, model, cases))
        path = onnx_dir / f"{name}.onnx"
        doc = build(name, model, hps[name], sha256(path), runs[name], eval_doc, graph_inputs(path))
        tmp = onnx_dir / f"{name}.json.tmp"  # renamed into place so readers never see half a manifest
        tmp.write_text(json.dumps(doc, indent=2, allow_nan=False) + "\n")
        os.replace(tmp, onnx_dir / f"{name}.json")
    if out == C.ROOT:
        render(eval_doc)
    print(f"[train_all] fixtures ({len(cases)} cases per model), manifests and docs/model-card.md written; "
          f"total {fmt_time(time.time() - t0)}", flush=True)


if __name__ == "__main__":
    main()
