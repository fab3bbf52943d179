"""Training runs on pinned numeric kernels (policies/kernels.py) whatever the CPU model would pick."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from policies.kernels import cpu_flags

MODELS = Path(__file__).resolve().parents[1]
AVX2 = {"avx2", "fma"} <= cpu_flags()


def kernels_of(code: str, **env) -> dict:
    """in_effect() in a fresh interpreter that runs code first, with the kernel variables only as given."""
    base = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "ATEN_CPU_CAPABILITY")}
    out = subprocess.run([sys.executable, "-c", f"{code}\nfrom policies.kernels import in_effect; import json; "
                          "print(json.dumps(in_effect()))"], cwd=MODELS, env={**base, **env}, capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.splitlines()[-1])


@pytest.mark.skipif(not AVX2, reason="the pinned kernels need AVX2 and FMA")
@pytest.mark.parametrize("entry", ["pipeline", "policies"])
def test_importing_the_training_code_pins_haswell_and_avx2(entry):
    assert kernels_of(f"import {entry}") == {"openblas": "Haswell", "aten": "AVX2"}


@pytest.mark.skipif(not AVX2, reason="the pinned kernels need AVX2 and FMA")
def test_a_kernel_the_user_chose_is_kept():
    assert kernels_of("import pipeline", OPENBLAS_CORETYPE="Sandybridge")["openblas"] == "Sandybridge"


def test_the_served_models_were_trained_on_the_pinned_kernels():
    for config in (MODELS / "repository").glob("*/config.json"):
        default = json.loads(config.read_text())["default_version"]
        manifest = json.loads((config.parent / str(default) / "manifest.json").read_text())
        assert manifest["training"]["kernels"] == {"openblas": "Haswell", "aten": "AVX2"}, config.parent.name
