"""Re-export the committed checkpoints as a new repository version without retraining or re-evaluating: the ONNX
graph (in the exporter's current form), the parity fixtures from the same PyTorch model, and a manifest that carries
over the training record and evaluation of the version the weights were published as. The new version becomes the
default; the older ones stay served for rollback.

Run from models/:  /usr/bin/python3 -m pipeline.reexport  [--only hybrid,dqn] [--from-version 1]
"""

import argparse
import json
from dataclasses import replace
from pathlib import Path

import torch

from . import config as C
from .export import export_onnx, sha256
from .fixtures import model_fixture, write_json
from .manifest import build, graph_inputs
from .model_card import render
from .selection import candidates
from .repository import GRAPH, MANIFEST, serve, version_dir, write_json as write_manifest
from .train_all import _model
from .workers import init_worker

COMMAND = "cd models && /usr/bin/python3 -m pipeline.reexport"


def load(name: str, hp, ckpt_dir: Path | None = None):
    """The model of <ckpt_dir or checkpoints/>/<name>.pt and its hyper-parameters: the ones the pipeline config
    states, with one of the model's candidate training seeds (pipeline/selection.py)."""
    ckpt = torch.load((ckpt_dir or C.CKPT_DIR) / f"{name}.pt")
    saved = ckpt["meta"]["hyperparameters"]
    seeds = candidates(name, hp.seed, C.PipelineConfig().selection)
    if saved.get("seed") not in seeds or saved != {**hp.__dict__, "seed": saved["seed"]}:
        raise SystemExit(f"checkpoints/{name}.pt was trained with {saved}, the pipeline config says {hp.__dict__} "
                         f"with a seed among {seeds}")
    hp = replace(hp, seed=saved["seed"])
    model = _model(name, hp)
    model.load_state_dict(ckpt["state_dict"])
    return model.eval(), hp


def reexport(name: str, hp, previous: int, cases: list[dict], eval_doc: dict) -> str:
    old = json.loads((version_dir(C.REPOSITORY_DIR, name, previous) / MANIFEST).read_text())
    model, hp = load(name, hp)
    path = version_dir(C.REPOSITORY_DIR, name, C.VERSION) / GRAPH
    sha = export_onnx(model, path)
    write_json(C.FIXTURE_DIR / f"{name}.json", model_fixture(name, model, cases))
    t = old["training"]
    train = {"steps": t["steps"], "wall_s": t["wall_time_s"], "curve": t["curve"]}
    if "seed_selection" in t:
        train["selection"] = t["seed_selection"]
    if "kernels" in t:
        train["kernels"] = t["kernels"]
    manifest = build(name, model, hp, sha256(path), train, eval_doc, graph_inputs(path))
    # inside the training block: the manifest's top-level fields are a fixed set (docs/model-contract.md)
    manifest["training"]["reexport"] = {
        "same_weights_as_version": previous,
        "weights": f"checkpoints/{name}.pt, not retrained: training and evaluation are those of version {previous}",
        "changed": f"nothing: the same graph as version {previous} (same sha256); this model has no part the new "
                   "graph form changes" if sha == old["onnx"]["sha256"] else
                   "the graph's form only (docs/model-contract.md, 'Graph'); its outputs equal "
                   f"version {previous}'s within 1e-5 (checked by models/check/onnx_check.mjs)",
        "command": COMMAND,
    }
    manifest["regenerate"] = COMMAND
    write_manifest(path.with_name(MANIFEST), manifest)
    serve(C.REPOSITORY_DIR, name, C.VERSION)
    return sha


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="dqn,ppo,hybrid,hybrid_gat")
    ap.add_argument("--from-version", type=int, default=C.VERSION - 1,
                    help="the version whose weights (checkpoints/*.pt), training record and evaluation are re-exported")
    args = ap.parse_args(argv)
    if args.from_version == C.VERSION:
        raise SystemExit(f"--from-version must differ from the version written ({C.VERSION})")
    init_worker()
    cfg = C.PipelineConfig()
    cases = json.loads((C.FIXTURE_DIR / "simulation.json").read_text())["cases"]
    eval_doc = json.loads((C.REPORT_DIR / "eval.json").read_text())
    for name in args.only.split(","):
        sha = reexport(name, getattr(cfg, name), args.from_version, cases, eval_doc)
        print(f"[reexport] {name}: checkpoints/{name}.pt -> repository/{name}/{C.VERSION}/{GRAPH} sha256 {sha[:12]}, "
              f"fixtures/{name}.json", flush=True)
    render(eval_doc)
    print("[reexport] manifests, config.json (default version) and docs/model-card.md written", flush=True)


if __name__ == "__main__":
    main()
