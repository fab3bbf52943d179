"""Export a policy to ONNX (opset 17, dynamic batch and node axes; contract v2, docs/model-contract.md) and save its
PyTorch checkpoint."""

import hashlib
import os
from pathlib import Path

import onnx
import torch

from edgesim import spec
from edgesim.episodes import EdgeSim
from edgesim.generator import generate_network

from .config import OPSET

INPUTS = {
    "x": {"shape": ["batch", "nodes", len(spec.NODE_FEATURES)], "dtype": "float32",
          "description": "raw node features in spec.NODE_FEATURES order and units (scaling happens inside the graph); padding rows all 0"},
    "parent": {"shape": ["batch", "nodes"], "dtype": "int64",
               "description": "route-tree parent of each node from the task's source (index within the same network); "
                              "the node itself for the source, unreachable nodes and padding"},
    "edge_attr": {"shape": ["batch", "nodes", len(spec.EDGE_FEATURES)], "dtype": "float32",
                  "description": "state of the link from parent[v] to v in spec.EDGE_FEATURES order; 0 where parent[v] == v"},
    "link_index": {"shape": [2, "links"], "dtype": "int64",
                   "description": "every undirected link of every network in the batch once, as flattened node indices "
                                  "b * nodes + v (row 0 one end, row 1 the other)"},
    "link_attr": {"shape": ["links", 3], "dtype": "float32",
                  "description": "state of each link: capacity_mbps, latency_ms (propagation), backlog_ms"},
    "mask": {"shape": ["batch", "nodes"], "dtype": "float32",
             "description": "1 = node may take the task; 0 = masked or padding"},
}
OUTPUTS = {
    "scores": {"shape": ["batch", "nodes"], "dtype": "float32"},
    "probs": {"shape": ["batch", "nodes"], "dtype": "float32",
              "description": "sums to 1 over unmasked nodes; 0 on masked nodes; all 0 if every node is masked"},
    "value": {"shape": ["batch"], "dtype": "float32"},
}
DYNAMIC = {**{k: {0: "batch", 1: "nodes"} for k in ("x", "parent", "edge_attr", "mask", "scores", "probs")},
           "link_index": {1: "links"}, "link_attr": {0: "links"}, "value": {0: "batch"}}


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def example_inputs():
    sim = EdgeSim([generate_network(7, 1), generate_network(7, 3)], [0.5, 0.8], [1, 2], tasks=3, warmup=5)
    o = sim.reset()
    return o["x"], o["parent"], o["edge_attr"], o["link_index"], o["link_attr"], o["mask"]


def export_onnx(model: torch.nn.Module, path: Path) -> str:
    """Write path, check it with onnx.checker and return its sha256. Inputs a model does not read (the node-wise
    dqn and ppo read no links) are left out of its graph: clients feed the inputs the graph declares.

    The graph is written next to path and renamed into place once checked, so a running API never reads half a file.
    """
    model.eval()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with torch.no_grad():
        torch.onnx.export(model, example_inputs(), str(tmp), opset_version=OPSET, input_names=list(INPUTS),
                          output_names=list(OUTPUTS), dynamic_axes=DYNAMIC, do_constant_folding=True)
    onnx.checker.check_model(onnx.load(str(tmp)), full_check=True)
    os.replace(tmp, path)
    return sha256(path)


def save_checkpoint(model: torch.nn.Module, path: Path, meta: dict):
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"state_dict": model.state_dict(), "meta": meta}, path)
