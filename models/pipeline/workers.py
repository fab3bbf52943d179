"""Worker processes of the pipeline: TORCH_THREADS threads each (torch's and OpenBLAS's), deterministic kernels."""

import torch

from policies.threads import set_threads

from .config import TORCH_THREADS


def init_worker():
    set_threads(TORCH_THREADS)
    torch.use_deterministic_algorithms(True)
