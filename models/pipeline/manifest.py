"""models/repository/<name>/<version>/manifest.json: everything a client needs to call the graph, and how it was produced."""

import dataclasses
import platform

import onnx
import torch

from edgesim import spec

from .config import OPSET, REGENERATE, VERSION
from .export import INPUTS, OUTPUTS
from .repository import GRAPH

ALGORITHMS = {
    "dqn": "DQN (double-DQN targets, replay, Polyak target network, linear epsilon-greedy, masked max)",
    "ppo": "PPO (input-driven baseline: rollouts sharing each arrival stream; clipped surrogate, entropy bonus, masked "
           "categorical policy; critic on its own clip)",
    "hybrid": "Planner distillation with DAgger: policy head imitates the sampled look-ahead planner, Q head regresses its "
              "candidate return estimates, value head regresses returns; then PPO fine-tuning of the fused policy "
              "(input-driven baseline) with a KL penalty towards the distilled policy; route-tree GNN (TreeConv)",
    "hybrid_gat": "Planner distillation with DAgger, then anchored PPO fine-tuning, as hybrid, with a route-tree attention "
                  "GNN (TreeAttention)",
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
    "hybrid": "fused policy 0.6 softmax(Q / tau) + 0.4 softmax(logits) over unmasked nodes; act by its argmax",
}
PROBS["hybrid_gat"] = PROBS["hybrid"]
VALUE = {
    "dqn": "max over unmasked nodes of Q (0 if every node is masked): the greedy state value",
    "ppo": "critic V(s): expected discounted return of the state",
    "hybrid": "V(s): discounted return (gamma 0.95) that followed the state in training episodes",
}
VALUE["hybrid_gat"] = VALUE["hybrid"]


def architecture(name: str, model: torch.nn.Module, hp) -> dict:
    n_params = sum(p.numel() for p in model.parameters())
    common = ("FeatureEncoder (parameter-free, inside the graph: log1p scaling, one-hot node_type, derived "
              "completion/deadline ratio, deadline met, compute energy, load balance after placement, one-step reward "
              "estimate; route-link features) -> per-node MLP")
    body = {
        "dqn": " (node and link features) -> masked mean/max pooling + max over unmasked nodes -> per-node MLP -> Q head, plus the one-step reward estimate times the prior (a learned residual on it)",
        "ppo": " (node and link features) -> masked mean/max pooling + max over unmasked nodes -> per-node MLP -> logit head, plus the one-step reward estimate times the prior; pooled value head",
        "hybrid": f" -> {getattr(hp, 'layers', 0)} residual route-tree convolutions (parent message + link state, one Gather each) "
                  "-> pooled context -> per-node MLP -> Q head, policy head; pooled value head",
        "hybrid_gat": f" -> {getattr(hp, 'layers', 0)} residual route-tree attention layers (self vs parent message + link state) "
                      "-> pooled context -> per-node MLP -> Q head, policy head; pooled value head",
    }[name]
    return {"summary": common + body, "hidden": hp.hidden, "parameters": n_params, "size_invariant": True,
            "padding": "a node whose features are all 0 is padding (parent = itself, mask 0): it never changes any real node's outputs"}


def graph_inputs(onnx_path) -> list[dict]:
    """The contract inputs this graph declares (the node-wise dqn and ppo read no links and no route tree)."""
    declared = {i.name for i in onnx.load(str(onnx_path)).graph.input}
    return [{"name": k, **v} for k, v in INPUTS.items() if k in declared]


def evaluation(name: str, eval_doc: dict) -> dict:
    """The manifest's evaluation block: the policy's rows of reports/eval.json."""
    return {"file": "reports/eval.json", "seed": eval_doc["seed"], "episodes": eval_doc["episodes"],
            "results": [r for r in eval_doc["results"] if r["policy"] == name]}


def build(name: str, model, hp, sha: str, train: dict, eval_doc: dict, inputs: list[dict]) -> dict:
    return {
        "name": name,
        "version": VERSION,
        "contract": 2,
        "algorithm": ALGORITHMS[name],
        "architecture": architecture(name, model, hp),
        "onnx": {"file": GRAPH, "opset": OPSET, "sha256": sha},
        "checkpoint": f"checkpoints/{name}.pt",
        "features": [{"index": i, "name": n, "unit": u, "derivation": d} for i, (n, u, d) in enumerate(spec.NODE_FEATURES)],
        "edge_features": [{"index": i, "name": n, "unit": u, "derivation": d} for i, (n, u, d) in enumerate(spec.EDGE_FEATURES)],
        "inputs": inputs,
        "outputs": [{"name": "scores", **OUTPUTS["scores"], "description": SCORES[name]},
                    {"name": "probs", **OUTPUTS["probs"], "description": PROBS[name]},
                    {"name": "value", **OUTPUTS["value"], "description": VALUE[name]}],
        "selection": "selected node = argmax(probs), lowest index on ties; -1 (no placement) when every node is masked",
        "training": {
            "seed": hp.seed, "steps": train["steps"], "steps_unit": "environment transitions (tasks placed)",
            "wall_time_s": round(train["wall_s"], 1), "hyperparameters": dataclasses.asdict(hp),
            "torch": torch.__version__, "python": platform.python_version(),
            # the kernels the training process ran (policies/kernels.py); unknown for runs published before they were kept
            **({"kernels": train["kernels"]} if "kernels" in train else {}),
            "curve": train["curve"],
            **({"seed_selection": train["selection"]} if "selection" in train else {}),
        },
        "evaluation": evaluation(name, eval_doc),
        "regenerate": REGENERATE,
    }
