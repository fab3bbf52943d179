"""How many CPU threads the training and evaluation code runs on."""

import ctypes

import torch


def set_threads(n: int) -> None:
    """n threads for torch's own kernels and n for the BLAS it calls. torch.set_num_threads does not reach OpenBLAS's
    pthread pool (Debian's torch calls libblas.so.3, a front of libopenblas.so.0), which starts one thread per core:
    its idle threads spin in sched_yield on the cores the other worker processes run on, and its thread count changes
    how it cuts a product, hence the rounding of training."""
    torch.set_num_threads(n)
    try:
        blas = ctypes.CDLL("libopenblas.so.0")
    except OSError:
        return  # another BLAS: torch.set_num_threads sets MKL's and OpenMP's threads itself
    blas.openblas_set_num_threads(n)
