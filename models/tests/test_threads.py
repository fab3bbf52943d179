"""Worker processes run one thread each, torch's and OpenBLAS's (policies/threads.py)."""

import ctypes
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

import torch

from pipeline.workers import init_worker
from policies.threads import set_threads


def blas_threads() -> int:
    return ctypes.CDLL("libopenblas.so.0").openblas_get_num_threads()


def threads_seen() -> tuple:
    return torch.get_num_threads(), blas_threads()


def test_set_threads_reaches_openblas_pool():
    try:
        set_threads(2)
        assert threads_seen() == (2, 2)
    finally:
        set_threads(1)
    assert threads_seen() == (1, 1)


def test_pipeline_workers_start_with_one_thread_each():
    # a fresh interpreter (not a fork of this one, set to 1 above): OpenBLAS starts one thread per core unless told
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=init_worker) as pool:
        assert pool.submit(threads_seen).result() == (1, 1)
