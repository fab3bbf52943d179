"""models/onnx/<name>.json: everything a client needs to call the graph, and how it was produced."""

import dataclasses
import platform

import torch

from edgesim import spec

from .config import OPSET, REGENERATE, VERSION
from .export import INPUTS, OUTPUTS

ALGORITHMS = {
    "dqn": "DQN (double-DQN targets, replay, Polyak target network, linear epsilon-greedy, masked max)",
    "ppo": "PPO (GAE, clipped surrogate, value loss, entropy bonus, masked categorical policy)",
    "hybrid": "Hybrid DQN-PPO: PPO on the fused policy + Q-head regression to lambda-returns, shared GCN encoder",
    "hybrid_gat": "Hybrid DQN-PPO: PPO on the fused policy + Q-head regression to lambda-returns, shared GAT encoder",
}
SCORES = {
    "dqn": "Q-values (expected discounted return of placing the task on each node); masked nodes -1e9",
    "ppo": "policy logits; masked nodes -1e9; probs = softmax(scores) over unmasked nodes",
    "hybrid": "log of the fused probability log(0.6 softmax(Q/tau) + 0.4 softmax(logits)); masked nodes -1e9; "
              "softmax(scores) == probs and argmax(scores) == argmax(probs)",
}
SCORES["hybrid_gat"] = SCORES["hybrid"]
PROBS = {
    "dqn": "Boltzmann distribution softmax(Q / tau) over unmasked nodes (tau = probs_tau in the hyper-parameters)",
    "ppo": "the trained stochastic policy softmax(logits) over unmasked nodes",
    "hybrid": "fused policy 0.6 softmax(Q / tau) + 0.4 softmax(logits) over unmasked nodes (the distribution it was trained with)",
}
PROBS["hybrid_gat"] = PROBS["hybrid"]
VALUE = {
    "dqn": "max over unmasked nodes of Q (0 if every node is masked): the greedy state value",
    "ppo": "critic V(s): expected discounted return of the state",
    "hybrid": "critic V(s) of the fused policy",
}
VALUE["hybrid_gat"] = VALUE["hybrid"]


def architecture(name: str, model: torch.nn.Module, hp) -> dict:
    n_params = sum(p.numel() for p in model.parameters())
    common = ("FeatureEncoder (parameter-free, inside the graph: log1p scaling, one-hot node_type via Equal, derived "
              "latency/deadline ratio, deadline met, energy, load balance after placement, degree) -> per-node MLP")
    body = {
        "dqn": " -> masked mean/max pooling (real nodes) + max over unmasked nodes -> per-node MLP -> Q head",
        "ppo": " -> masked mean/max pooling (real nodes) + max over unmasked nodes -> per-node MLP -> logit head; pooled value head",
        "hybrid": f" -> {getattr(hp, 'layers', 0)} residual GCN layers (D^-1/2 (A+I) D^-1/2 computed in the graph) -> pooled context -> "
                  "per-node MLP -> Q head, policy head; pooled value head",
        "hybrid_gat": f" -> {getattr(hp, 'layers', 0)} residual single-head graph-attention layers (neighbours + self) -> pooled context -> "
                      "per-node MLP -> Q head, policy head; pooled value head",
    }[name]
    return {"summary": common + body, "hidden": hp.hidden, "parameters": n_params, "size_invariant": True,
            "padding": "a node whose 15 features are all 0 is padding: it never changes any real node's outputs"}


def build(name: str, model, hp, sha: str, train: dict, eval_doc: dict) -> dict:
    rows = [r for r in eval_doc["results"] if r["policy"] == name]
    best_baseline = {}
    for r in eval_doc["results"]:
        if r["kind"] == "baseline":
            b = best_baseline.get(r["num_nodes"])
            if b is None or r["mean_reward"] > b["mean_reward"]:
                best_baseline[r["num_nodes"]] = r
    return {
        "name": name,
        "version": VERSION,
        "algorithm": ALGORITHMS[name],
        "architecture": architecture(name, model, hp),
        "onnx": {"file": f"{name}.onnx", "opset": OPSET, "sha256": sha},
        "checkpoint": f"checkpoints/{name}.pt",
        "features": [{"index": i, "name": n, "unit": u, "derivation": d} for i, (n, u, d) in enumerate(spec.FEATURES)],
        "inputs": [{"name": k, **v} for k, v in INPUTS.items()],
        "outputs": [{"name": "scores", **OUTPUTS["scores"], "description": SCORES[name]},
                    {"name": "probs", **OUTPUTS["probs"], "description": PROBS[name]},
                    {"name": "value", **OUTPUTS["value"], "description": VALUE[name]}],
        "selection": "selected node = argmax(probs), lowest index on ties; -1 (no placement) when every node is masked",
        "training": {
            "seed": hp.seed, "steps": train["steps"], "steps_unit": "environment transitions (tasks placed)",
            "wall_time_s": round(train["wall_s"], 1), "hyperparameters": dataclasses.asdict(hp),
            "torch": torch.__version__, "python": platform.python_version(),
            "curve": train["curve"],
        },
        "evaluation": {"file": "reports/eval.json", "seed": eval_doc["seed"], "episodes": eval_doc["episodes"],
                       "results": rows,
                       "best_baseline": {str(n): {"policy": b["policy"], "mean_reward": b["mean_reward"]}
                                         for n, b in best_baseline.items()}},
        "regenerate": REGENERATE,
    }
