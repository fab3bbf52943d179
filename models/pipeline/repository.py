"""The model repository (docs/model-contract.md): `<repo>/<name>/<version>/model.onnx` with its `manifest.json`, and
`<repo>/<name>/config.json` naming the versions served and the default one. Files are renamed into place so a
running API never reads half of one."""

import json
import os
from pathlib import Path

GRAPH, MANIFEST, CONFIG = "model.onnx", "manifest.json", "config.json"


def version_dir(repo: Path, name: str, version: int) -> Path:
    return Path(repo) / name / str(version)


def write_json(path: Path, doc: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(doc, indent=2, allow_nan=False) + "\n")
    os.replace(tmp, path)


def serve(repo: Path, name: str, version: int) -> dict:
    """Add `version` to the served versions of `name` (keeping the others, so a rollback stays possible) and make it
    the default one. Returns the config written."""
    path = Path(repo) / name / CONFIG
    versions = json.loads(path.read_text())["versions"] if path.exists() else []
    doc = {"name": name, "versions": sorted({*versions, version}), "default_version": version}
    write_json(path, doc)
    return doc
