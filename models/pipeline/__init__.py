"""Training, export, evaluation and fixture pipeline: `python3 -m pipeline.train_all` (cwd models/)."""

from policies.kernels import pin

pin()  # before anything imports torch (policies/kernels.py)
