"""Size-invariant placement policies (PyTorch modules) and their training algorithms."""
