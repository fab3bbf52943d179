"""Parity fixtures: models/fixtures/<name>.json (model outputs for every request of models/fixtures/simulation.json)
and models/fixtures/networks.json (the generator's output for fixed seeds)."""

import json

import numpy as np
import torch

from edgesim.generator import generate_network

from .config import FixtureConfig


def f32(v: float) -> float:
    """Shortest decimal that parses back to the same float32."""
    return float(str(np.float32(v)))


def nested32(t: torch.Tensor):
    if t.dim() == 0:
        return f32(float(t))
    return [nested32(s) for s in t] if t.dim() > 1 else [f32(v) for v in t.tolist()]


def model_fixture(name: str, model, cases: list[dict]) -> dict:
    """cases: simulation.json cases (request and the exact tensors it becomes). Adds the model's outputs."""
    model.eval()
    out = []
    for c in cases:
        e = c["expected"]
        x = torch.tensor([e["x"]], dtype=torch.float32)
        parent = torch.tensor([e["parent"]], dtype=torch.long)
        edge = torch.tensor([e["edge_attr"]], dtype=torch.float32)
        mask = torch.tensor([e["mask"]], dtype=torch.float32)
        link_index = torch.tensor(e["link_index"], dtype=torch.long).reshape(2, -1)
        link_attr = torch.tensor(e["link_attr"], dtype=torch.float32).reshape(-1, 3)
        with torch.no_grad():
            scores, probs, value = model(x, parent, edge, link_index, link_attr, mask)
        selected = int(probs[0].argmax()) if float(mask.sum()) > 0 else -1
        out.append({
            "description": c["description"],
            "request": c["request"],
            "tensors": {"x": nested32(x), "parent": parent.tolist(), "edge_attr": nested32(edge), "mask": nested32(mask),
                        "link_index": link_index.tolist(), "link_attr": [nested32(r) for r in link_attr] if len(link_attr) else []},
            "expected": {"scores": nested32(scores), "probs": nested32(probs), "value": nested32(value),
                         "selected_node": selected},
        })
    return {"model": name, "cases": out}


def network_fixture(cfg: FixtureConfig) -> list[dict]:
    return [{"num_nodes": n, "seed": s, "network_state": generate_network(n, s)} for n, s in cfg.network_pairs]


def write_json(path, doc, indent=None, max_bytes=None) -> int:
    """Write doc (compact unless indent); refuse to write a fixture over max_bytes. Returns the size."""
    seps = (",", ":") if indent is None else None
    text = json.dumps(doc, allow_nan=False, separators=seps, indent=indent) + "\n"
    assert max_bytes is None or len(text) <= max_bytes, f"{path.name} would be {len(text)} bytes"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return len(text)
