"""Which numeric kernels training runs on: the same on every x86-64 CPU with AVX2 and FMA.

OpenBLAS, which Debian's torch calls for every matrix product, picks its kernel by CPU model when it loads: on AMD EPYC
(Zen 4) it picks Cooperlake's, on a 2014 Xeon Haswell's. Each kernel sums a product in its own order, and a training
run feeds every rounding into the next step, so two kernels end with other weights. Pinned to Haswell's kernel, which
every CPU with AVX2 and FMA runs (Intel since 2013, AMD since 2017), all of them sum in the same order; torch's own
vectorised kernels are pinned to AVX2 alike (https://github.com/OpenMathLib/OpenBLAS/wiki/Faq,
OPENBLAS_CORETYPE; https://pytorch.org/docs/stable/notes/numerical_accuracy.html).

Both libraries read their variable once, when they load, so pin() must run before torch is imported: the packages
`policies` and `pipeline` call it first thing. A variable the user set is left as it is.
"""

import os
import re
import sys

PINNED = {"OPENBLAS_CORETYPE": "Haswell", "ATEN_CPU_CAPABILITY": "avx2"}


def cpu_flags() -> set:
    try:
        with open("/proc/cpuinfo") as f:
            return next((set(line.split(":", 1)[1].split()) for line in f if line.startswith("flags")), set())
    except OSError:
        return set()


def pin() -> None:
    """Set PINNED's variables the environment lacks, on a CPU that runs those kernels and before torch loads (the
    worker processes inherit them)."""
    if "torch" not in sys.modules and {"avx2", "fma"} <= cpu_flags():
        for name, value in PINNED.items():
            os.environ.setdefault(name, value)


def in_effect() -> dict:
    """The kernels this process runs, as the libraries report them (whatever the environment says)."""
    import ctypes

    import torch

    out = {"aten": re.search(r"CPU capability usage: (\S+)", torch.__config__.show()).group(1)}
    try:
        blas = ctypes.CDLL("libopenblas.so.0")
    except OSError:
        return out
    blas.openblas_get_corename.restype = ctypes.c_char_p
    return {"openblas": blas.openblas_get_corename().decode(), **out}
