"""Worker processes of the pipeline: one torch thread each, deterministic kernels."""

import torch

from .config import TORCH_THREADS


def init_worker():
    torch.set_num_threads(TORCH_THREADS)
    torch.use_deterministic_algorithms(True)
