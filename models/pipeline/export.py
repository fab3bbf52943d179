"""Export a policy to ONNX (opset 17, dynamic batch and node axes) and save its PyTorch checkpoint."""

import hashlib
import os
from pathlib import Path

import onnx
import torch

from edgesim import spec

from .config import OPSET

INPUTS = {
    "x": {"shape": ["batch", "nodes", spec.NUM_FEATURES], "dtype": "float32",
          "description": "raw node features in spec.FEATURES order and units (scaling happens inside the graph)"},
    "adj": {"shape": ["batch", "nodes", "nodes"], "dtype": "float32",
            "description": "0/1 symmetric adjacency without self loops; padded rows/columns 0"},
    "mask": {"shape": ["batch", "nodes"], "dtype": "float32",
             "description": "1 = node may take the task; 0 = masked or padding"},
}
OUTPUTS = {
    "scores": {"shape": ["batch", "nodes"], "dtype": "float32"},
    "probs": {"shape": ["batch", "nodes"], "dtype": "float32",
              "description": "sums to 1 over unmasked nodes; 0 on masked nodes; all 0 if every node is masked"},
    "value": {"shape": ["batch"], "dtype": "float32"},
}
DYNAMIC = {"x": {0: "batch", 1: "nodes"}, "adj": {0: "batch", 1: "nodes", 2: "nodes"}, "mask": {0: "batch", 1: "nodes"},
           "scores": {0: "batch", 1: "nodes"}, "probs": {0: "batch", 1: "nodes"}, "value": {0: "batch"}}


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def example_inputs(num_envs: int = 2, num_nodes: int = 7, seed: int = 0):
    from .envs import SplitEnv

    obs = SplitEnv(num_envs, num_nodes, seed=seed, split="train").reset()
    return obs["x"], obs["adj"], obs["mask"]


def export_onnx(model: torch.nn.Module, path: Path) -> str:
    """Write path, check it with onnx.checker and return its sha256.

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
