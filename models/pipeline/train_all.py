"""Regenerate every artifact from scratch with fixed seeds: train, export (ONNX + checkpoint), evaluate, fixtures,
manifests. Run from models/:  /usr/bin/python3 -m pipeline.train_all  [--only dqn,ppo] [--quick]"""

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

import torch

from . import config as C
from .evaluate import evaluate
from .export import export_onnx, save_checkpoint, sha256
from .fixtures import build_requests, model_fixture, network_fixture, write_json
from .manifest import build
from .model_card import render
from .progress import fmt_time


def trainers(cfg: C.PipelineConfig):
    from policies import dqn, hybrid, ppo

    return {
        "dqn": (cfg.dqn, lambda hp: dqn.train(hp)),
        "ppo": (cfg.ppo, lambda hp: ppo.train(hp)),
        "hybrid": (cfg.hybrid, lambda hp: hybrid.train(hp, name="hybrid")),
        "hybrid_gat": (cfg.hybrid_gat, lambda hp: hybrid.train(hp, name="hybrid_gat")),
    }


def quick(cfg: C.PipelineConfig) -> C.PipelineConfig:
    """A few minutes end to end (smoke runs; not the committed artifacts)."""
    cfg.dqn.env_steps, cfg.dqn.learning_starts = 150, 50
    cfg.ppo.iterations = cfg.hybrid.iterations = cfg.hybrid_gat.iterations = 3
    cfg.eval.episodes, cfg.eval.sizes = 8, (20, 50)
    return cfg


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="dqn,ppo,hybrid,hybrid_gat")
    ap.add_argument("--quick", action="store_true", help="tiny smoke run written to --out (default a temp dir)")
    ap.add_argument("--out", default=None, help="write artifacts under this directory instead of models/")
    args = ap.parse_args(argv)
    torch.set_num_threads(C.TORCH_THREADS)
    torch.use_deterministic_algorithms(True)
    cfg = quick(C.PipelineConfig()) if args.quick else C.PipelineConfig()
    names = args.only.split(",")
    out = Path(args.out or (tempfile.mkdtemp(prefix="edge-quick-") if args.quick else C.ROOT))
    onnx_dir, ckpt_dir, report_dir, fixture_dir = (out / d for d in ("onnx", "checkpoints", "reports", "fixtures"))
    t0 = time.time()
    print(f"[train_all] policies {names} -> {out}, torch {torch.__version__}, threads {torch.get_num_threads()}",
          flush=True)

    models, runs = {}, {}
    for name in names:
        hp, fn = trainers(cfg)[name]
        runs[name] = fn(hp)
        models[name] = runs[name]["model"].eval()
        sha = export_onnx(models[name], onnx_dir / f"{name}.onnx")
        save_checkpoint(models[name], ckpt_dir / f"{name}.pt", {"name": name, "hyperparameters": hp.__dict__})
        print(f"[train_all] {name}: trained in {fmt_time(runs[name]['wall_s'])}, exported onnx/{name}.onnx sha256 {sha[:12]}",
              flush=True)

    t_eval = time.time()
    eval_doc = evaluate(models, cfg.eval)
    write_json(report_dir / "eval.json", eval_doc)
    print(f"[train_all] evaluation written in {fmt_time(time.time() - t_eval)}", flush=True)

    requests = build_requests(cfg.fixtures)
    write_json(fixture_dir / "networks.json", network_fixture(cfg.fixtures))
    for name, model in models.items():
        write_json(fixture_dir / f"{name}.json", model_fixture(name, model, requests))
        hp = trainers(cfg)[name][0]
        doc = build(name, model, hp, sha256(onnx_dir / f"{name}.onnx"), runs[name], eval_doc)
        tmp = onnx_dir / f"{name}.json.tmp"  # renamed into place so readers never see half a manifest
        tmp.write_text(json.dumps(doc, indent=2, allow_nan=False) + "\n")
        os.replace(tmp, onnx_dir / f"{name}.json")
    if out == C.ROOT:
        render(eval_doc)
    print(f"[train_all] fixtures ({len(requests)} cases per model), manifests and docs/model-card.md written; "
          f"total {fmt_time(time.time() - t0)}", flush=True)


if __name__ == "__main__":
    main()
