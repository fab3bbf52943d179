"""Size-invariant placement policies (PyTorch modules) and their training algorithms."""

from .kernels import pin

pin()  # before anything imports torch (policies/kernels.py)
